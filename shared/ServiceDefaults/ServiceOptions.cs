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
    /// Take scheme, host and client address from the gateway's <c>X-Forwarded-*</c> headers. On for services (reachable
    /// only from the gateway); the gateway itself sets it according to what stands in front of it (the ingress).
    /// </summary>
    public bool TrustForwardedHeaders { get; set; } = true;

    /// <summary>How long shutdown waits for in-flight requests and background work to finish.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
