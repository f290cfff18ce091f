using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;

namespace MucGov.Identity.Oidc;

/// <summary>
/// Exact redirect URI matching, with the one exception RFC 8252 §7.3 requires for native apps: a registered loopback
/// IP URI without a port (<c>http://127.0.0.1/callback</c>) matches that URI on any port. Scheme, host, path and
/// query must still match exactly; <c>localhost</c> is not accepted.
/// </summary>
public sealed class LoopbackAwareApplicationManager<TApplication>(
    IOpenIddictApplicationCache<TApplication> cache,
    ILogger<OpenIddictApplicationManager<TApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<TApplication> store)
    : OpenIddictApplicationManager<TApplication>(cache, logger, options, store) where TApplication : class
{
    public override async ValueTask<bool> ValidateRedirectUriAsync(TApplication application, string uri, CancellationToken cancellationToken = default)
    {
        if (await base.ValidateRedirectUriAsync(application, uri, cancellationToken))
        {
            return true;
        }

        foreach (var registered in await GetRedirectUrisAsync(application, cancellationToken))
        {
            if (MatchesLoopback(registered, uri))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="requested"/> is <paramref name="registered"/> (a port-less loopback IP URI) on some port.</summary>
    public static bool MatchesLoopback(string registered, string requested)
    {
        if (!Uri.TryCreate(registered, UriKind.Absolute, out var reg) || !Uri.TryCreate(requested, UriKind.Absolute, out var req))
        {
            return false;
        }

        var registeredWithoutPort = !registered[(reg.Scheme.Length + 3)..].Split('/')[0].Contains(':', StringComparison.Ordinal);
        return registeredWithoutPort
            && reg.Scheme == Uri.UriSchemeHttp && req.Scheme == Uri.UriSchemeHttp
            && reg.Host is "127.0.0.1" or "[::1]" && req.Host == reg.Host
            && string.Equals(reg.AbsolutePath, req.AbsolutePath, StringComparison.Ordinal)
            && string.Equals(reg.Query, req.Query, StringComparison.Ordinal)
            && string.IsNullOrEmpty(req.Fragment) && string.IsNullOrEmpty(req.UserInfo);
    }
}
