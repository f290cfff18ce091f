using System.ComponentModel.DataAnnotations;

namespace MucGov.Shared.Auth;

/// <summary>Settings of the <c>Auth</c> section: how a service validates access tokens itself.</summary>
public sealed class AuthOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Auth";

    /// <summary>The token issuer: the public gateway origin (e.g. <c>https://buergerservice.muenchen.de/</c>).</summary>
    [Required]
    public string Issuer { get; set; } = "";

    /// <summary>
    /// Where to read the OIDC metadata and signing keys (the identity service's internal address + <c>/.well-known/openid-configuration</c>);
    /// defaults to the issuer's.
    /// </summary>
    public string? MetadataAddress { get; set; }

    /// <summary>This service's audience (the gateway: several, separated by spaces); tokens naming none of them are refused.</summary>
    [Required]
    public string Audience { get; set; } = "";

    /// <summary>Refuse plain-HTTP metadata (off only for local runs and tests).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Tolerated clock difference between services.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
}
