using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MucGov.Shared.Clients;
using Xunit;

namespace MucGov.IntegrationTests.Identity;

public sealed class OidcFlowTests(IdentityFixture identity) : IClassFixture<IdentityFixture>
{
    private const string CitizenScopes = "openid profile email address offline_access buergerkonto conversation cases";

    [Fact]
    public async Task Code_flow_with_pkce_signs_a_citizen_in_and_its_tokens_work_until_revoked()
    {
        var flow = identity.NewFlow();
        var code = await flow.SignInAsync("anna.huber", IdentityFixture.PasswordOf("anna.huber"), CitizenScopes);

        var tokens = await OidcFlow.TokensAsync(await flow.RedeemAsync(code));

        Assert.InRange(tokens.ExpiresIn, 60, 900);
        var access = OidcFlow.Claims(tokens.AccessToken);
        Assert.Equal("http://localhost/", access.GetProperty("iss").GetString());
        Assert.Equal(["conversation", "identity", "ticket"], OidcFlow.Strings(access, "aud").Order());
        Assert.Equal("high", access.GetProperty("acr").GetString());
        Assert.Equal("Anna Huber", access.GetProperty("name").GetString());
        Assert.False(access.TryGetProperty("birthdate", out _), "personal data stays out of access tokens");
        Assert.Equal(3, tokens.AccessToken.Split('.').Length);

        using var client = identity.App.CreateClient();
        using var userInfo = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo") { Headers = { Authorization = new("Bearer", tokens.AccessToken) } };
        var info = await (await client.SendAsync(userInfo)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Huber", info.GetProperty("family_name").GetString());
        Assert.Equal("80802", info.GetProperty("address").GetProperty("postal_code").GetString());

        var refreshed = await OidcFlow.TokensAsync(await flow.RefreshAsync(tokens.RefreshToken!));
        Assert.NotEqual(tokens.RefreshToken, refreshed.RefreshToken);

        var revoke = await client.PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = refreshed.RefreshToken!,
            ["token_type_hint"] = "refresh_token",
            ["client_id"] = OidcFlow.CliClient,
        }));
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal("invalid_grant", await OidcFlow.ErrorAsync(await flow.RefreshAsync(refreshed.RefreshToken!)));
    }

    [Fact]
    public async Task Refresh_token_used_again_after_rotation_is_refused_and_ends_the_whole_grant()
    {
        var flow = identity.NewFlow();
        var tokens = await OidcFlow.TokensAsync(await flow.RedeemAsync(await flow.SignInAsync("emily.clarke", IdentityFixture.PasswordOf("emily.clarke"), CitizenScopes)));
        var rotated = await OidcFlow.TokensAsync(await flow.RefreshAsync(tokens.RefreshToken!));

        var reuse = await flow.RefreshAsync(tokens.RefreshToken!);

        Assert.Equal("invalid_grant", await OidcFlow.ErrorAsync(reuse));
        Assert.Equal("invalid_grant", await OidcFlow.ErrorAsync(await flow.RefreshAsync(rotated.RefreshToken!)));
    }

    [Fact]
    public async Task Staff_sign_in_needs_the_totp_code_and_the_token_carries_roles_departments_and_languages()
    {
        var flow = identity.NewFlow();
        var code = await flow.SignInAsync("cw.buergerbuero2", IdentityFixture.PasswordOf("cw.buergerbuero2"), "openid profile queue",
            await identity.TotpSecretAsync("cw.buergerbuero2"));

        var access = OidcFlow.Claims((await OidcFlow.TokensAsync(await flow.RedeemAsync(code))).AccessToken);

        Assert.Equal(["caseworker"], OidcFlow.Strings(access, "role"));
        Assert.Equal(["buergerbuero"], OidcFlow.Strings(access, "department"));
        Assert.Equal(["de", "tr"], OidcFlow.Strings(access, "language").Order());
        Assert.Equal(["ticket"], OidcFlow.Strings(access, "aud"));
    }

    [Fact]
    public async Task Staff_with_a_wrong_totp_code_gets_no_code()
    {
        var browser = identity.App.CreateBrowser();
        var flow = new OidcFlow(browser);
        var authorize = await browser.GetAsync(flow.AuthorizeUrl("openid queue"));
        var afterLogin = await flow.SubmitLoginAsync(authorize.Headers.Location!, "cw.standesamt", IdentityFixture.PasswordOf("cw.standesamt"));
        var twoFactor = afterLogin.Headers.Location!;
        Assert.Contains("/account/login-2fa", twoFactor.OriginalString, StringComparison.Ordinal);

        var wrong = await flow.SubmitFormAsync(twoFactor, new() { ["Code"] = "000000" });

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("role=\"alert\"", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var again = await browser.GetAsync(flow.AuthorizeUrl("openid queue"));
        Assert.StartsWith("/account/login", again.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_totp_code_signs_in_once_and_a_code_from_a_minute_ago_not_at_all()
    {
        const string username = "cw.auslaenderbehoerde";
        var secret = (await identity.TotpSecretAsync(username))!;
        async Task<HttpResponseMessage> SecondFactorAsync(string code)
        {
            var browser = identity.App.CreateBrowser();
            var flow = new OidcFlow(browser);
            var authorize = await browser.GetAsync(flow.AuthorizeUrl("openid queue"));
            var afterLogin = await flow.SubmitLoginAsync(authorize.Headers.Location!, username, IdentityFixture.PasswordOf(username));
            return await flow.SubmitFormAsync(afterLogin.Headers.Location!, new() { ["Code"] = code });
        }

        var stale = await SecondFactorAsync(Totp.Code(secret, DateTimeOffset.UtcNow.AddSeconds(-60)));
        var code = Totp.Code(secret, DateTimeOffset.UtcNow);
        var first = await SecondFactorAsync(code);
        var replayed = await SecondFactorAsync(code);

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("role=\"alert\"", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains("role=\"alert\"", await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_shows_an_error_and_signs_nobody_in()
    {
        var browser = identity.App.CreateBrowser();
        var flow = new OidcFlow(browser);
        var authorize = await browser.GetAsync(flow.AuthorizeUrl(CitizenScopes));

        var login = await flow.SubmitLoginAsync(authorize.Headers.Location!, "sepp.brandl", "falsches-passwort");

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("role=\"alert\"", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var again = await browser.GetAsync(flow.AuthorizeUrl(CitizenScopes));
        Assert.StartsWith("/account/login", again.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Code_without_or_with_a_wrong_pkce_verifier_is_refused()
    {
        var flow = identity.NewFlow();
        var code = await flow.SignInAsync("anna.huber", IdentityFixture.PasswordOf("anna.huber"), CitizenScopes);

        var missing = await flow.RedeemAsync(code, omitVerifier: true);
        var wrong = await flow.RedeemAsync(code, verifier: new OidcFlow(identity.App.CreateClient()).Verifier);

        Assert.Equal("invalid_request", await OidcFlow.ErrorAsync(missing));
        Assert.Equal("invalid_grant", await OidcFlow.ErrorAsync(wrong));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData(null)]
    public async Task Authorize_without_an_s256_challenge_is_refused(string? method)
    {
        var browser = identity.App.CreateBrowser();
        var flow = new OidcFlow(browser);
        var url = method is null ? flow.AuthorizeUrl(CitizenScopes, challengeMethod: null) : flow.AuthorizeUrl(CitizenScopes, challengeMethod: method, challenge: flow.Verifier);

        var response = await browser.GetAsync(url);

        // Refused before anything else: no login page, no redirect carrying a code.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("invalid_request", body, StringComparison.Ordinal);
        Assert.Contains("code_challenge", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/callback")]
    [InlineData("http://localhost:7777/callback")]
    [InlineData("http://127.0.0.1:7777/callback/../steal")]
    [InlineData("http://127.0.0.1:7777/other")]
    public async Task Unregistered_redirect_uri_is_refused_without_redirecting_to_it(string redirectUri)
    {
        var browser = identity.App.CreateBrowser();
        var flow = new OidcFlow(browser);

        var response = await browser.GetAsync(flow.AuthorizeUrl(CitizenScopes, redirectUri: redirectUri));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Loopback_redirect_uri_on_any_port_is_accepted_for_the_cli()
    {
        var flow = identity.NewFlow();
        const string redirect = "http://127.0.0.1:54321/callback";

        var code = await flow.SignInAsync("sepp.brandl", IdentityFixture.PasswordOf("sepp.brandl"), CitizenScopes, redirectUri: redirect);

        await OidcFlow.TokensAsync(await flow.RedeemAsync(code, redirectUri: redirect));
    }

    [Fact]
    public async Task Code_redeemed_with_an_altered_redirect_uri_is_refused()
    {
        var flow = identity.NewFlow();
        var code = await flow.SignInAsync("anna.huber", IdentityFixture.PasswordOf("anna.huber"), CitizenScopes);

        var response = await flow.RedeemAsync(code, redirectUri: "http://127.0.0.1:7778/callback");

        Assert.Equal("invalid_grant", await OidcFlow.ErrorAsync(response));
    }

    [Fact]
    public async Task Code_used_twice_is_refused()
    {
        var flow = identity.NewFlow();
        var code = await flow.SignInAsync("anna.huber", IdentityFixture.PasswordOf("anna.huber"), CitizenScopes);
        await OidcFlow.TokensAsync(await flow.RedeemAsync(code));

        var second = await flow.RedeemAsync(code);

        Assert.Equal("invalid_grant", await OidcFlow.ErrorAsync(second));
    }

    [Fact]
    public async Task Citizen_asking_for_staff_scopes_gets_a_token_without_them()
    {
        var flow = identity.NewFlow();
        var code = await flow.SignInAsync("anna.huber", IdentityFixture.PasswordOf("anna.huber"), "openid conversation queue knowledge.edit");

        var access = OidcFlow.Claims((await OidcFlow.TokensAsync(await flow.RedeemAsync(code))).AccessToken);

        Assert.Equal(["conversation"], OidcFlow.Strings(access, "aud"));
        Assert.Empty(OidcFlow.Strings(access, "role"));
        var scopes = access.GetProperty("scope").GetString()!.Split(' ');
        Assert.DoesNotContain("queue", scopes);
        Assert.DoesNotContain("knowledge.edit", scopes);
    }

    [Fact]
    public async Task Catalog_import_job_gets_a_knowledge_token_with_the_editor_role_by_client_credentials()
    {
        using var client = identity.App.CreateClient();

        var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "mucgov-catalog-import",
            ["client_secret"] = Hosting.Apps.CatalogImportSecret,
            ["scope"] = "knowledge.edit",
        }));

        var access = OidcFlow.Claims((await OidcFlow.TokensAsync(response)).AccessToken);
        Assert.Equal(["knowledge"], OidcFlow.Strings(access, "aud"));
        Assert.Equal(["knowledge-editor"], OidcFlow.Strings(access, "role"));
        Assert.Equal("mucgov-catalog-import", access.GetProperty("sub").GetString());
    }

    [Fact]
    public async Task Client_credentials_with_a_wrong_secret_are_refused()
    {
        using var client = identity.App.CreateClient();

        var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "mucgov-catalog-import",
            ["client_secret"] = "guessed",
        }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Discovery_offers_only_the_code_flow_with_s256()
    {
        using var client = identity.App.CreateClient();

        var discovery = await client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");

        Assert.Equal(["code"], discovery.GetProperty("response_types_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["S256"], discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain("password", discovery.GetProperty("grant_types_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain("implicit", discovery.GetProperty("grant_types_supported").EnumerateArray().Select(e => e.GetString()));
        var jwks = await client.GetFromJsonAsync<JsonElement>(new Uri(discovery.GetProperty("jwks_uri").GetString()!).PathAndQuery);
        Assert.NotEmpty(jwks.GetProperty("keys").EnumerateArray());
    }
}
