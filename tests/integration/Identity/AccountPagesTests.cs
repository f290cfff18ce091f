using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace MucGov.IntegrationTests.Identity;

public sealed class AccountPagesTests(IdentityFixture identity) : IClassFixture<IdentityFixture>
{
    [Fact]
    public async Task Registration_creates_a_basic_citizen_account_that_can_sign_in_at_once()
    {
        var browser = identity.App.CreateBrowser();
        var flow = new OidcFlow(browser);
        var email = $"neu-{Guid.NewGuid():N}@example.org";

        var registered = await flow.SubmitFormAsync(new Uri("/account/register", UriKind.Relative), new()
        {
            ["GivenName"] = "Theresa",
            ["FamilyName"] = "Gruber",
            ["Email"] = email,
            ["Password"] = "Oktoberfest-ist-im-September",
            ["PreferredLanguage"] = "bar",
        });

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        // Signed in by the registration: authorize goes straight back to the client with a code.
        var authorize = await browser.GetAsync(flow.AuthorizeUrl("openid profile"));
        var access = OidcFlow.Claims((await OidcFlow.TokensAsync(await flow.RedeemAsync(flow.CodeFrom(authorize.Headers.Location!)))).AccessToken);
        Assert.Equal("basic", access.GetProperty("acr").GetString());
        Assert.Equal("Theresa Gruber", access.GetProperty("name").GetString());
        Assert.Equal("bar", access.GetProperty("locale").GetString());
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
    public async Task Registration_with_a_taken_email_is_refused()
    {
        var flow = new OidcFlow(identity.App.CreateBrowser());

        var response = await flow.SubmitFormAsync(new Uri("/account/register", UriKind.Relative), new()
        {
            ["GivenName"] = "Anna",
            ["FamilyName"] = "Huber",
            ["Email"] = "anna.huber@example.org",
            ["Password"] = "Oktoberfest-ist-im-September",
            ["PreferredLanguage"] = "de",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("role=\"alert\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
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
