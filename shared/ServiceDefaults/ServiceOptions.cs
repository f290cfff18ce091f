using System.ComponentModel.DataAnnotations;

namespace MucGov.Shared.ServiceDefaults;

/// <summary>Settings every service reads from the <c>Service</c> section.</summary>
public sealed class ServiceOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Service";

    /// <summary>Short service name (<c>identity</c>, <c>ticket</c>, …) used in logs, traces, metrics and problem details.</summary>
    [Required, RegularExpression("^[a-z][a-z0-9-]*$")]
    public string Name { get; set; } = "";

    /// <summary>Largest accepted request body in bytes; larger bodies are refused with 413.</summary>
    [Range(1024, 64L * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Take scheme, host and client address from <c>X-Forwarded-*</c> headers, when they come from one of
    /// <see cref="TrustedProxies"/>. On for services (reachable only from the gateway); the gateway sets it according
    /// to what stands in front of it (the ingress), off locally, where nothing does.
    /// </summary>
    public bool TrustForwardedHeaders { get; set; } = true;

    /// <summary>
    /// Addresses or networks (CIDR, e.g. <c>10.42.0.0/16</c>) whose <c>X-Forwarded-*</c> headers are believed; anyone
    /// else's are ignored, so a client cannot claim another address or host. Loopback when none are configured (the
    /// local platform); in a cluster the pod network of the gateway, or the ingress controller's for the gateway.
    /// (Empty by default: configuration binding appends to an initialised array.)
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>The proxies trusted when none are configured: loopback.</summary>
    public static readonly string[] DefaultTrustedProxies = ["127.0.0.0/8", "::1/128"];

    /// <summary>
    /// The public origin (<c>https://host</c>): when set, every request is taken as addressed to it, whatever its
    /// <c>Host</c> or <c>X-Forwarded-Host</c> header says, so links, redirects and OIDC addresses the app builds never
    /// name another host. The gateway uses its token issuer when this is not set.
    /// </summary>
    [Url]
    public string? PublicOrigin { get; set; }

    /// <summary>
    /// When set, <c>/metrics</c> answers only on this local port (the management port, which only the cluster's
    /// monitoring reaches) and is 404 on every other: metrics name database hosts and users. Unset, <c>/metrics</c>
    /// answers where the app listens (services, which only the gateway and monitoring reach).
    /// </summary>
    [Range(1, 65535)]
    public int? ManagementPort { get; set; }

    /// <summary>How long shutdown waits for in-flight requests and background work to finish.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
