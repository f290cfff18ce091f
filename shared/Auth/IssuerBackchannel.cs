namespace MucGov.Shared.Auth;

/// <summary>
/// Sends a service's back-channel calls to the identity service (signing keys, the token endpoint) over the internal
/// address its OIDC metadata is read from, instead of the public origin the metadata names them by. In a cluster the
/// public origin is the ingress, which pods should not have to reach; locally it is the gateway, one hop more.
/// Requests to any other origin pass unchanged.
/// </summary>
public sealed class IssuerBackchannel : DelegatingHandler
{
    private readonly Uri issuer;
    private readonly Uri internalAddress;

    /// <summary>A handler sending calls for <paramref name="issuer"/>'s origin to <paramref name="internalAddress"/>'s origin.</summary>
    public IssuerBackchannel(Uri issuer, Uri internalAddress, HttpMessageHandler inner)
    {
        this.issuer = issuer;
        this.internalAddress = internalAddress;
        InnerHandler = inner;
    }

    /// <summary>
    /// The back-channel handler for <paramref name="auth"/> (over its own connections): null when no metadata address is
    /// set or it shares the issuer's origin, as then the public origin is the way to identity.
    /// </summary>
    public static IssuerBackchannel? For(AuthOptions auth)
    {
        if (!Uri.TryCreate(auth.Issuer, UriKind.Absolute, out var issuer) || !Uri.TryCreate(auth.MetadataAddress, UriKind.Absolute, out var metadata)
            || Uri.Compare(issuer, metadata, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0)
        {
            return null;
        }

        return new IssuerBackchannel(issuer, metadata, new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
    }

    /// <summary>Where a request for <paramref name="address"/> goes: the internal origin for the issuer's, else unchanged.</summary>
    public Uri Route(Uri address) =>
        Uri.Compare(address, issuer, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0
            ? address
            : new UriBuilder(address) { Scheme = internalAddress.Scheme, Host = internalAddress.Host, Port = internalAddress.Port }.Uri;

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { IsAbsoluteUri: true } address)
        {
            request.RequestUri = Route(address);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
