using System.ComponentModel.DataAnnotations;

namespace MucGov.Gateway.Bff;

/// <summary>Settings of the <c>Bff</c> section: the gateway as the web pages' backend-for-frontend (OIDC client <c>mucgov-gateway</c>).</summary>
public sealed class BffOptions
{
    public const string Section = "Bff";

    /// <summary>The OIDC client id.</summary>
    [Required]
    public string ClientId { get; set; } = "mucgov-gateway";

    /// <summary>The client secret (from a secret store; required).</summary>
    [Required]
    public string ClientSecret { get; set; } = "";

    /// <summary>Scopes asked for at sign-in; the identity service grants each account only what it may have.</summary>
    public string Scopes { get; set; } = "openid profile offline_access conversation cases queue buergerkonto";

    /// <summary>Send the session cookies only over HTTPS (turn off only for local plain-HTTP runs).</summary>
    public bool SecureCookies { get; set; } = true;

    /// <summary>How long a browser session lasts without use.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Access tokens closer to expiry than this are refreshed before a request is proxied.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RefreshBefore { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Anonymous chats whose access keys the browser session keeps (oldest dropped first).</summary>
    [Range(1, 100)]
    public int MaxAnonymousChats { get; set; } = 20;
}
