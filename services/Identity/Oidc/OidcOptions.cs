using System.ComponentModel.DataAnnotations;

namespace MucGov.Identity.Oidc;

/// <summary>Settings of the <c>Oidc</c> section.</summary>
public sealed class OidcOptions
{
    public const string Section = "Oidc";

    /// <summary>The issuer: the public gateway origin (locally <c>http://127.0.0.1:5000/</c>).</summary>
    [Required]
    public string Issuer { get; set; } = "";

    /// <summary>Refuse plain HTTP (off only for local runs and tests).</summary>
    public bool RequireHttps { get; set; } = true;

    [Range(typeof(TimeSpan), "00:01:00", "00:15:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    [Range(typeof(TimeSpan), "00:01:00", "00:15:00")]
    public TimeSpan IdentityTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    [Range(typeof(TimeSpan), "00:00:30", "00:10:00")]
    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Sliding lifetime of a refresh token; each use rotates it.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "90.00:00:00")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// How long a just-rotated refresh token is still accepted. Zero by default: the gateway refreshes a session one
    /// request at a time, so any reuse is a stolen token, refused with its whole chain revoked.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RefreshTokenReuseLeeway { get; set; } = TimeSpan.Zero;

    /// <summary>Show the simulated "verify with eID" page (Development). In production the level comes from the BundID federation.</summary>
    public bool SimulatedEid { get; set; }

    public KeyOptions Keys { get; set; } = new();

    /// <summary>Clients by client id.</summary>
    public Dictionary<string, ClientOptions> Clients { get; set; } = [];
}

/// <summary>Token signing and encryption certificates (PKCS#12), from files mounted from a Kubernetes Secret.</summary>
public sealed class KeyOptions
{
    public string? SigningCertificatePath { get; set; }
    public string? SigningCertificatePassword { get; set; }
    public string? EncryptionCertificatePath { get; set; }
    public string? EncryptionCertificatePassword { get; set; }

    /// <summary>Development only: where certificates are created once (when the paths above are not set) and reused after restarts.</summary>
    public string? DevelopmentDirectory { get; set; }
}

/// <summary>One OIDC client.</summary>
public sealed class ClientOptions
{
    public string DisplayName { get; set; } = "";

    /// <summary><c>public</c> (no secret: PKCE only) or <c>confidential</c>.</summary>
    [Required]
    public string Type { get; set; } = "public";

    /// <summary>Secret of a confidential client; from a secret store, never committed outside Development.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Exact redirect URIs. A loopback URI without a port (<c>http://127.0.0.1/callback</c>) accepts any port (RFC 8252).</summary>
    public string[] RedirectUris { get; set; } = [];

    public string[] PostLogoutRedirectUris { get; set; } = [];

    /// <summary><c>authorization_code</c>, <c>refresh_token</c>, <c>client_credentials</c>.</summary>
    public string[] GrantTypes { get; set; } = [];

    /// <summary>Scopes the client may request.</summary>
    public string[] Scopes { get; set; } = [];

    /// <summary>Roles given to tokens this client obtains for itself (client credentials).</summary>
    public string[] ServiceRoles { get; set; } = [];
}
