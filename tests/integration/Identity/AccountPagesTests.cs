using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MucGov.Identity.Accounts;
using MucGov.Shared.Auth;
using MucGov.Testing;
using Xunit;

namespace MucGov.IntegrationTests.Identity;

public sealed class AccountPagesTests(IdentityFixture identity) : IClassFixture<IdentityFixture>
{
    private static Dictionary<string, string> Registration(string email) => new()
    {
        ["GivenName"] = "Theresa",
        ["FamilyName"] = "Gruber",
        ["Email"] = email,
        ["Password"] = "Oktoberfest-ist-im-September",
        ["PreferredLanguage"] = "bar",
    };

    /// <summary>A mail's link as a request to the app under test (the mail names the public origin).</summary>
    private static Uri Local(Uri link) => new(link.PathAndQuery, UriKind.Relative);

    [Fact]
    public async Task Registration_mails_a_verification_link_and_the_account_signs_in_only_once_it_was_followed()
    {
        var browser = identity.App.CreateBrowser();
        var flow = new OidcFlow(browser);
        var email = $"neu-{Guid.NewGuid():N}@example.org";

        var registered = await flow.SubmitFormAsync(new Uri("/account/register", UriKind.Relative), Registration(email));

        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Contains("id=\"register-sent\"", await registered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var early = await flow.SubmitLoginAsync(new Uri("/account/login", UriKind.Relative), email, "Oktoberfest-ist-im-September");
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("zuerst Ihre E-Mail-Adresse", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Bavarian reads German; the link is signed and names the public origin.
        var mail = Assert.Single(await TestMailbox.WaitForAsync(email));
        Assert.Equal("Bitte bestätigen Sie Ihre E-Mail-Adresse", mail.Subject);
        var link = TestMailbox.LinkIn(mail.Text, "http://localhost/account/confirm-email");
        var confirmed = await browser.GetAsync(Local(link));
        Assert.Contains("id=\"confirmed\"", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var authorize = await browser.GetAsync(flow.AuthorizeUrl("openid profile"));
        Assert.StartsWith("/account/login", authorize.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var signIn = new OidcFlow(identity.App.CreateBrowser());
        var code = await signIn.SignInAsync(email, "Oktoberfest-ist-im-September", "openid profile");
        var access = OidcFlow.Claims((await OidcFlow.TokensAsync(await signIn.RedeemAsync(code))).AccessToken);
        Assert.Equal(("basic", "Theresa Gruber", "bar"), (access.GetProperty("acr").GetString(), access.GetProperty("name").GetString(),
            access.GetProperty("locale").GetString()));
    }

    [Fact]
    public async Task A_forged_verification_link_confirms_nothing()
    {
        var flow = new OidcFlow(identity.App.CreateBrowser());
        var email = $"neu-{Guid.NewGuid():N}@example.org";
        await flow.SubmitFormAsync(new Uri("/account/register", UriKind.Relative), Registration(email));
        var link = TestMailbox.LinkIn(Assert.Single(await TestMailbox.WaitForAsync(email)).Text, "http://localhost/account/confirm-email");

        var forged = await identity.App.CreateBrowser().GetAsync(Local(new Uri(link.ToString().Replace("code=", "code=AAAA", StringComparison.Ordinal))));

        Assert.Contains("id=\"confirm-invalid\"", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var login = await flow.SubmitLoginAsync(new Uri("/account/login", UriKind.Relative), email, "Oktoberfest-ist-im-September");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("zuerst Ihre E-Mail-Adresse", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_with_invalid_data_shows_errors_and_creates_nothing()
    {
        var browser = identity.App.CreateBrowser();
        var flow = new OidcFlow(browser);

        var response = await flow.SubmitFormAsync(new Uri("/account/register", UriKind.Relative), new()
        {
            ["GivenName"] = "",
            ["FamilyName"] = "Gruber",
            ["Email"] = "not-an-email",
            ["Password"] = "short",
            ["PreferredLanguage"] = "de",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("role=\"alert\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var authorize = await browser.GetAsync(flow.AuthorizeUrl("openid"));
        Assert.StartsWith("/account/login", authorize.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_with_a_taken_address_answers_as_for_a_new_one_and_tells_the_owner()
    {
        var (username, _) = await identity.NewCitizenAsync();
        var taken = $"{username}@example.org";
        var fresh = $"neu-{Guid.NewGuid():N}@example.org";

        var forTaken = await new OidcFlow(identity.App.CreateBrowser()).SubmitFormAsync(new Uri("/account/register", UriKind.Relative), Registration(taken));
        var forFresh = await new OidcFlow(identity.App.CreateBrowser()).SubmitFormAsync(new Uri("/account/register", UriKind.Relative), Registration(fresh));

        // The page cannot tell which addresses have an account.
        Assert.Equal(forFresh.StatusCode, forTaken.StatusCode);
        Assert.Equal((await forFresh.Content.ReadAsStringAsync()).Replace(fresh, "ADDRESS", StringComparison.Ordinal),
            (await forTaken.Content.ReadAsStringAsync()).Replace(taken, "ADDRESS", StringComparison.Ordinal));
        var told = Assert.Single(await TestMailbox.WaitForAsync(taken));
        Assert.Equal("Registrierung mit Ihrer E-Mail-Adresse", told.Subject);
        Assert.Equal("http://localhost/account/forgot-password", TestMailbox.LinkIn(told.Text, "http://localhost/account/forgot-password").ToString());
        await using var scope = identity.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        Assert.Equal(username, (await users.FindByEmailAsync(taken))!.UserName);
    }

    [Fact]
    public async Task A_password_reset_by_mail_sets_the_new_password_once_and_lowers_the_trust_level_until_the_next_eid_check()
    {
        var (username, password) = await identity.NewCitizenAsync(TrustLevels.High);
        var email = $"{username}@example.org";
        var browser = identity.App.CreateBrowser();
        var flow = new OidcFlow(browser);

        var asked = await flow.SubmitFormAsync(new Uri("/account/forgot-password", UriKind.Relative), new() { ["Email"] = email });
        var unknown = await new OidcFlow(identity.App.CreateBrowser()).SubmitFormAsync(
            new Uri("/account/forgot-password", UriKind.Relative), new() { ["Email"] = $"niemand-{Guid.NewGuid():N}@example.org" });

        Assert.Equal(await asked.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        var mail = Assert.Single(await TestMailbox.WaitForAsync(email));
        Assert.Equal("Neues Passwort für Ihr Bürgerkonto", mail.Subject);
        var link = Local(TestMailbox.LinkIn(mail.Text, "http://localhost/account/reset-password"));
        var reset = await flow.SubmitFormAsync(link, new() { ["Password"] = "Ein-ganz-neues-Passwort" });
        Assert.Contains("id=\"reset-done\"", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var again = await new OidcFlow(identity.App.CreateBrowser()).SubmitFormAsync(link, new() { ["Password"] = "Noch-ein-anderes-Passwort" });
        Assert.Contains("id=\"reset-errors\"", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var old = await new OidcFlow(identity.App.CreateBrowser()).SubmitLoginAsync(new Uri("/account/login", UriKind.Relative), username, password);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        var token = await IdentityFixture.AccessTokenAsync(identity.App, username, "openid profile", "Ein-ganz-neues-Passwort");
        Assert.Equal("basic", OidcFlow.Claims(token).GetProperty("acr").GetString());
    }

    [Fact]
    public async Task Simulated_eid_verification_raises_the_trust_level_to_high()
    {
        var (username, password) = await identity.NewCitizenAsync();
        var browser = identity.App.CreateBrowser();
        var flow = new OidcFlow(browser);
        var login = await flow.SubmitLoginAsync(new Uri("/account/login", UriKind.Relative), username, password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        var verified = await flow.SubmitFormAsync(new Uri("/account/verify-eid", UriKind.Relative), new()
        {
            ["BirthDate"] = "1975-08-15",
            ["Street"] = "Ungererstraße",
            ["HouseNumber"] = "58",
            ["PostalCode"] = "80805",
            ["City"] = "München",
        });

        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        var code = flow.CodeFrom((await browser.GetAsync(flow.AuthorizeUrl("openid profile buergerkonto"))).Headers.Location!);
        var tokens = await OidcFlow.TokensAsync(await flow.RedeemAsync(code));
        Assert.Equal("high", OidcFlow.Claims(tokens.AccessToken).GetProperty("acr").GetString());
        using var api = identity.App.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", tokens.AccessToken);
        var profile = await api.GetFromJsonAsync<JsonElement>("/api/profile/me");
        Assert.Equal("80805", profile.GetProperty("address").GetProperty("postalCode").GetString());
    }

    [Fact]
    public async Task Pages_speak_german_by_default_and_english_when_asked()
    {
        using var client = identity.App.CreateClient();

        var german = await client.GetStringAsync("/account/login");
        var english = await client.GetStringAsync("/account/login?culture=en&ui-culture=en");

        Assert.Contains("<html lang=\"de\" dir=\"ltr\">", german, StringComparison.Ordinal);
        Assert.Contains("Passwort", german, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", english, StringComparison.Ordinal);
        Assert.Contains("Password", english, StringComparison.Ordinal);
        Assert.Contains("<label for=\"username\">", english, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tr", "ltr", "Şifre")]
    [InlineData("uk", "ltr", "Пароль")]
    [InlineData("ru", "ltr", "Пароль")]
    [InlineData("ar", "rtl", "كلمة المرور")]
    public async Task Pages_speak_every_supported_language_arabic_right_to_left_and_offer_the_others_named_in_themselves(string language, string direction, string text)
    {
        using var client = identity.App.CreateClient();

        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/account/login?culture={language}&ui-culture={language}"));

        Assert.Contains($"<html lang=\"{language}\" dir=\"{direction}\">", page, StringComparison.Ordinal);
        Assert.Contains(text, page, StringComparison.Ordinal);
        Assert.Contains("lang=\"de\"", page, StringComparison.Ordinal);
        Assert.Contains("Deutsch", page, StringComparison.Ordinal);
        Assert.Contains(language == "ar" ? "Türkçe" : "العربية", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"?culture={language}&", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_without_the_antiforgery_token_is_refused()
    {
        using var client = identity.App.CreateClient();

        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Username"] = "anna.huber",
            ["Password"] = IdentityFixture.PasswordOf("anna.huber"),
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Confidential_client_introspects_its_own_token_but_not_a_token_issued_to_another_client()
    {
        using var client = identity.App.CreateClient();
        var own = await OidcFlow.TokensAsync(await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "mucgov-catalog-import",
            ["client_secret"] = Hosting.Apps.CatalogImportSecret,
            ["scope"] = "knowledge.edit",
        })));
        var flow = identity.NewFlow();
        var citizens = await OidcFlow.TokensAsync(await flow.RedeemAsync(await flow.SignInAsync("anna.huber", IdentityFixture.PasswordOf("anna.huber"), "openid cases")));

        async Task<JsonElement> IntrospectAsync(string token) => await (await client.PostAsync("/connect/introspect", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = token,
            ["client_id"] = "mucgov-catalog-import",
            ["client_secret"] = Hosting.Apps.CatalogImportSecret,
        }))).Content.ReadFromJsonAsync<JsonElement>();

        var active = await IntrospectAsync(own.AccessToken);
        Assert.True(active.GetProperty("active").GetBoolean());
        Assert.Equal("mucgov-catalog-import", active.GetProperty("client_id").GetString());
        Assert.False((await IntrospectAsync(citizens.AccessToken)).GetProperty("active").GetBoolean());
    }
}
