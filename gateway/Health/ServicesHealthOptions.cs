using System.ComponentModel.DataAnnotations;

namespace MucGov.Gateway.Health;

/// <summary>Settings of the <c>ServicesHealth</c> section.</summary>
public sealed class ServicesHealthOptions
{
    public const string Section = "ServicesHealth";

    /// <summary>How long one service's readiness probe may take before it counts as unreachable.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Readiness path on every service.</summary>
    [Required]
    public string Path { get; set; } = "/health/ready";
}
