using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace MucGov.Gateway.Bff;

/// <summary>
/// The access token of a browser session, refreshed when it is about to expire — one refresh per session at a time on
/// all gateway replicas together (concurrent requests of the same session wait for it and use its result).
/// </summary>
public sealed partial class AccessTokens(
    DatabaseTicketStore sessions,
    IOptionsMonitor<OpenIdConnectOptions> oidc,
    IOptions<BffOptions> bff,
    TimeProvider clock,
    ILogger<AccessTokens> logger)
{
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

        // One refresh per session across every gateway replica: under the session's row lock, read it again (another
        // request, here or on another replica, may have refreshed it meanwhile), and refresh only if it still needs it.
        var current = await sessions.ChangeLockedAsync(session, async ticket =>
        {
            if (!Expiring(ticket.Properties))
            {
                return ticket;
            }

            // The session keeps its id (and the browser its cookie); only the stored tokens change. Refused: it ends.
            var refreshed = await RefreshAsync(ticket.Properties, context.RequestAborted);
            return refreshed is null ? null : new AuthenticationTicket(ticket.Principal, refreshed, ticket.AuthenticationScheme);
        }, context.RequestAborted);
        return current?.Properties.GetTokenValue("access_token");
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
