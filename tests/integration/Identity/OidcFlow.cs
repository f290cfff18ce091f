using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using MucGov.Shared.Clients;
using Xunit;

namespace MucGov.IntegrationTests.Identity;

/// <summary>What a browser and a native client do in the authorization code + PKCE flow, step by step over plain HTTP.</summary>
public sealed partial class OidcFlow(HttpClient browser)
{
    public const string CliClient = "mucgov-cli";
    public const string CliRedirect = "http://127.0.0.1:7777/callback";

    public string Verifier { get; } = Base64Url(RandomNumberGenerator.GetBytes(32));

    public string Challenge => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));

    public string State { get; } = Guid.NewGuid().ToString("N");

    /// <summary>The authorize URL with PKCE S256.</summary>
    public string AuthorizeUrl(string scope, string clientId = CliClient, string redirectUri = CliRedirect, string? challengeMethod = "S256", string? challenge = null) =>
        QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["redirect_uri"] = redirectUri,
            ["response_type"] = "code",
            ["scope"] = scope,
            ["state"] = State,
            ["nonce"] = Guid.NewGuid().ToString("N"),
            ["code_challenge"] = challengeMethod is null ? null : challenge ?? Challenge,
            ["code_challenge_method"] = challengeMethod,
        }.Where(p => p.Value is not null).ToDictionary());

    /// <summary>Authorize → login form (→ TOTP form) → back to authorize → the code from the redirect.</summary>
    public async Task<string> SignInAsync(string username, string password, string scope, string? totpSecret = null, string redirectUri = CliRedirect,
        string clientId = CliClient) =>
        CodeFrom(await BrowseAsync(AuthorizeUrl(scope, clientId, redirectUri), username, password, totpSecret));

    /// <summary>What the user does in the browser: open the authorize URL, sign in; returns where the browser is sent back to.</summary>
    public async Task<Uri> BrowseAsync(string authorizeUrl, string username, string password, string? totpSecret = null)
    {
        var authorize = await browser.GetAsync(authorizeUrl);
        Assert.True(authorize.StatusCode == HttpStatusCode.Redirect, $"authorize: {(int)authorize.StatusCode} {await authorize.Content.ReadAsStringAsync()}");
        var login = authorize.Headers.Location!;
        Assert.StartsWith("/account/login", login.IsAbsoluteUri ? login.PathAndQuery : login.OriginalString, StringComparison.Ordinal);


        var afterLogin = await SubmitLoginAsync(login, username, password);
        Assert.Equal(HttpStatusCode.Redirect, afterLogin.StatusCode);
        var next = afterLogin.Headers.Location!;
        if (next.OriginalString.Contains("/account/login-2fa", StringComparison.Ordinal))
        {
            Assert.NotNull(totpSecret);
            var page = await browser.GetAsync(next);
            var form = await FormAsync(page);
            form["Code"] = await Totp.NextCodeAsync(totpSecret!);
            var afterCode = await browser.PostAsync(next, new FormUrlEncodedContent(form));
            Assert.Equal(HttpStatusCode.Redirect, afterCode.StatusCode);
            next = afterCode.Headers.Location!;
        }

        var back = await browser.GetAsync(next);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        return back.Headers.Location!;
    }

    /// <summary>Posts the login form found at <paramref name="loginPage"/>.</summary>
    public async Task<HttpResponseMessage> SubmitLoginAsync(Uri loginPage, string username, string password)
    {
        var page = await browser.GetAsync(loginPage);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var form = await FormAsync(page);
        form["Username"] = username;
        form["Password"] = password;
        return await browser.PostAsync(loginPage, new FormUrlEncodedContent(form));
    }

    /// <summary>Gets the page, fills <paramref name="fields"/> into its form (antiforgery token included) and posts it.</summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(Uri page, Dictionary<string, string> fields)
    {
        var form = await FormAsync(await browser.GetAsync(page));
        foreach (var (key, value) in fields)
        {
            form[key] = value;
        }

        return await browser.PostAsync(page, new FormUrlEncodedContent(form));
    }

    public string CodeFrom(Uri redirect)
    {
        var query = QueryHelpers.ParseQuery(redirect.Query);
        Assert.True(query.ContainsKey("code"), $"No code in {redirect}");
        Assert.Equal(State, query["state"].ToString());
        return query["code"].ToString();
    }

    public async Task<HttpResponseMessage> RedeemAsync(string code, string? verifier = null, string redirectUri = CliRedirect, string clientId = CliClient,
        bool omitVerifier = false)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["client_id"] = clientId,
        };
        if (!omitVerifier)
        {
            form["code_verifier"] = verifier ?? Verifier;
        }

        return await browser.PostAsync("/connect/token", new FormUrlEncodedContent(form));
    }

    public Task<HttpResponseMessage> RefreshAsync(string refreshToken, string clientId = CliClient) =>
        browser.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = clientId,
        }));

    public static async Task<Tokens> TokensAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var json = JsonSerializer.Deserialize<JsonElement>(body);
        return new Tokens(
            json.GetProperty("access_token").GetString()!,
            json.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null,
            json.TryGetProperty("id_token", out var id) ? id.GetString() : null,
            json.GetProperty("expires_in").GetInt32());
    }

    /// <summary>Asserts an OAuth error response and returns its <c>error</c>.</summary>
    public static async Task<string> ErrorAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return json.GetProperty("error").GetString()!;
    }

    /// <summary>The claims of a JWT (not validated: the server under test signed it).</summary>
    public static JsonElement Claims(string jwt)
    {
        var payload = jwt.Split('.')[1];
        return JsonSerializer.Deserialize<JsonElement>(WebEncoders.Base64UrlDecode(payload));
    }

    public static IReadOnlyList<string> Strings(JsonElement claims, string name) =>
        !claims.TryGetProperty(name, out var value) ? [] :
        value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray().Select(v => v.GetString()!)] : [value.GetString()!];

    public static async Task<Dictionary<string, string>> FormAsync(HttpResponseMessage page) =>
        HeadlessSignIn.HiddenFields(await page.Content.ReadAsStringAsync());

    private static string Base64Url(byte[] bytes) => WebEncoders.Base64UrlEncode(bytes);
}

public sealed record Tokens(string AccessToken, string? RefreshToken, string? IdToken, int ExpiresIn);
