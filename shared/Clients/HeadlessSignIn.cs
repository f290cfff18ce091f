using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MucGov.Shared.Clients;

/// <summary>An access token and what came with it.</summary>
public sealed record SignedIn(string AccessToken, string? RefreshToken, int ExpiresIn);

/// <summary>
/// Signs a user in the way a native app does (client <c>mucgov-cli</c>, authorization code with PKCE S256, loopback
/// redirect as RFC 8252 allows) and fills the identity service's sign-in pages like a person would: password, then the
/// authenticator code for staff. For terminal programs such as <c>./mucgov demo</c>.
/// </summary>
public sealed partial class HeadlessSignIn(Uri origin)
{
    /// <summary>The public OIDC client terminal programs sign in as (PKCE, loopback redirect).</summary>
    public const string Client = "mucgov-cli";

    /// <summary>Where the identity service sends the code; nothing needs to listen there, the redirect itself is read.</summary>
    public const string Redirect = "http://127.0.0.1:7777/callback";

    /// <summary>Signs <paramref name="username"/> in for <paramref name="scope"/> (with a TOTP code for staff) and redeems the code for tokens.</summary>
    public async Task<SignedIn> SignInAsync(string username, string password, string scope, string? totpSecret, CancellationToken ct = default)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true };
        using var browser = new HttpClient(handler) { BaseAddress = origin };
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var state = Guid.NewGuid().ToString("N");
        var authorize = "/connect/authorize?" + string.Join("&", new Dictionary<string, string>
        {
            ["client_id"] = Client, ["response_type"] = "code", ["redirect_uri"] = Redirect, ["scope"] = scope,
            ["state"] = state, ["code_challenge"] = challenge, ["code_challenge_method"] = "S256",
        }.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));

        var login = Location(await browser.GetAsync(authorize, ct), "the authorize endpoint");
        var next = Location(await PostFormAsync(browser, login, new() { ["Username"] = username, ["Password"] = password }, ct), "the login page (wrong password?)");
        if (next.OriginalString.Contains("/account/login-2fa", StringComparison.Ordinal))
        {
            if (totpSecret is null)
            {
                throw new SignInException($"{username} needs an authenticator code, and no secret was given.");
            }

            next = Location(await PostFormAsync(browser, next, new() { ["Code"] = await Totp.NextCodeAsync(totpSecret, ct) }, ct), "the authenticator code page");
        }

        var callback = Location(await browser.GetAsync(next, ct), "the authorize endpoint after sign-in");
        var query = callback.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""));
        if (!query.TryGetValue("code", out var code) || query.GetValueOrDefault("state") != state)
        {
            throw new SignInException($"The identity service did not return a code: {callback}");
        }

        using var token = await browser.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = Redirect, ["client_id"] = Client, ["code_verifier"] = verifier,
        }), ct);
        var body = await token.Content.ReadAsStringAsync(ct);
        if (!token.IsSuccessStatusCode)
        {
            throw new SignInException($"The token endpoint refused the code: {(int)token.StatusCode} {body}");
        }

        var json = JsonDocument.Parse(body).RootElement;
        return new SignedIn(json.GetProperty("access_token").GetString()!,
            json.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null, json.GetProperty("expires_in").GetInt32());
    }

    private static Uri Location(HttpResponseMessage response, string what)
    {
        using (response)
        {
            return response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther && response.Headers.Location is { } location
                ? location
                : throw new SignInException($"Expected a redirect from {what}, got {(int)response.StatusCode}.");
        }
    }

    /// <summary>Reads the page's hidden fields (return address, antiforgery token), adds <paramref name="fields"/>, posts the form.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, Uri page, Dictionary<string, string> fields, CancellationToken ct)
    {
        using var response = await browser.GetAsync(page, ct);
        var form = HiddenFields(await response.Content.ReadAsStringAsync(ct));
        foreach (var (key, value) in fields)
        {
            form[key] = value;
        }

        return await browser.PostAsync(page, new FormUrlEncodedContent(form), ct);
    }

    /// <summary>The hidden inputs of an HTML page (name → decoded value): what a browser posts back without the user typing it.</summary>
    public static Dictionary<string, string> HiddenFields(string html)
    {
        var form = new Dictionary<string, string>();
        foreach (Match input in InputTag().Matches(html))
        {
            if (Attribute(input.Value, "type") is { } type && type.Equals("hidden", StringComparison.OrdinalIgnoreCase) && Attribute(input.Value, "name") is { } name)
            {
                form[name] = WebUtility.HtmlDecode(Attribute(input.Value, "value") ?? "");
            }
        }

        return form;
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $@"\s{name}\s*=\s*""([^""]*)""", RegexOptions.IgnoreCase);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("<input[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();
}

/// <summary>Signing in did not work; the message says at which step.</summary>
public sealed class SignInException(string message) : Exception(message);
