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
    DatabaseTicketStore sessions,
    IOptionsMonitor<OpenIdConnectOptions> oidc,
    IOptions<BffOptions> bff,
    TimeProvider clock,
    ILogger<AccessTokens> logger)
{
    // Striped locks: one session always maps to the same lock, and memory stays bounded however many sessions there are.
    private readonly SemaphoreSlim[] refreshing = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

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

        if (result.Principal?.FindFirst(BffAuthentication.SessionIdClaim)?.Value is not { } session)
        {
            return null;
        }

        var gate = refreshing[(int)((uint)StringComparer.Ordinal.GetHashCode(session) % refreshing.Length)];
        await gate.WaitAsync(context.RequestAborted);
        try
        {
            // Another request of this session may have refreshed while this one waited: read the session again.
            var current = await sessions.RetrieveAsync(session);
            if (current is null)
            {
                return null;
            }

            if (!Expiring(current.Properties))
            {
                return current.Properties.GetTokenValue("access_token");
            }

            var refreshed = await RefreshAsync(current.Properties, context.RequestAborted);
            if (refreshed is null)
            {
                await sessions.RemoveAsync(session);
                return null;
            }

            // The session keeps its id (and the browser its cookie); only the stored tokens change.
            await sessions.RenewAsync(session, new AuthenticationTicket(current.Principal, refreshed, current.AuthenticationScheme));
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
        using var response = await options.Backchannel.PostAsync(configuration.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
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
