using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace MucGov.Gateway.Bff;

/// <summary>
/// The access token of a browser session, refreshed when it is about to expire — one refresh per session at a time
/// (concurrent requests of the same session wait for it and use its result).
/// </summary>
public sealed partial class AccessTokens(
    IHttpClientFactory http,
    IOptionsMonitor<OpenIdConnectOptions> oidc,
    IOptions<BffOptions> bff,
    TimeProvider clock,
    ILogger<AccessTokens> logger)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> refreshing = new(StringComparer.Ordinal);

    /// <summary>The session's access token, or null when the request has no session or its refresh was refused.</summary>
    public async Task<string?> GetAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(BffAuthentication.CookieScheme);
        if (!result.Succeeded || result.Properties is null)
        {
            return null;
        }

        if (!Expiring(result.Properties))
        {
            return result.Properties.GetTokenValue("access_token");
        }

        var session = result.Principal!.FindFirst(BffAuthentication.SessionIdClaim)?.Value ?? result.Principal.FindFirst("sub")?.Value ?? "";
        var gate = refreshing.GetOrAdd(session, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(context.RequestAborted);
        try
        {
            // Another request of this session may have refreshed meanwhile: read the session again.
            var current = await context.AuthenticateAsync(BffAuthentication.CookieScheme);
            if (current.Succeeded && current.Properties is { } properties && !Expiring(properties))
            {
                return properties.GetTokenValue("access_token");
            }

            var refreshed = await RefreshAsync(result.Properties, context.RequestAborted);
            if (refreshed is null)
            {
                await context.SignOutAsync(BffAuthentication.CookieScheme);
                return null;
            }

            await context.SignInAsync(BffAuthentication.CookieScheme, result.Principal, refreshed);
            return refreshed.GetTokenValue("access_token");
        }
        finally
        {
            gate.Release();
        }
    }

    private bool Expiring(AuthenticationProperties properties) =>
        !DateTimeOffset.TryParse(properties.GetTokenValue("expires_at"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var expiresAt)
        || expiresAt - clock.GetUtcNow() < bff.Value.RefreshBefore;

    private async Task<AuthenticationProperties?> RefreshAsync(AuthenticationProperties properties, CancellationToken ct)
    {
        var refreshToken = properties.GetTokenValue("refresh_token");
        if (refreshToken is null)
        {
            return null;
        }

        var options = oidc.Get(BffAuthentication.OidcScheme);
        var configuration = await options.ConfigurationManager!.GetConfigurationAsync(ct);
        using var response = await http.CreateClient("oidc").PostAsync(configuration.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = options.ClientId!,
            ["client_secret"] = options.ClientSecret!,
        }), ct);
        if (!response.IsSuccessStatusCode)
        {
            LogRefused((int)response.StatusCode);
            return null;
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var tokens = json.RootElement;
        var expiresAt = clock.GetUtcNow().AddSeconds(tokens.TryGetProperty("expires_in", out var expiresIn) ? expiresIn.GetInt32() : 300);
        var updated = properties.Clone();
        updated.UpdateTokenValue("access_token", tokens.GetProperty("access_token").GetString()!);
        if (tokens.TryGetProperty("refresh_token", out var rotated))
        {
            updated.UpdateTokenValue("refresh_token", rotated.GetString()!);
        }

        updated.UpdateTokenValue("expires_at", expiresAt.ToString("o", CultureInfo.InvariantCulture));
        return updated;
    }

    [LoggerMessage(LogLevel.Information, "Refreshing a session's tokens was refused ({Status}); the session ends")]
    private partial void LogRefused(int status);
}
