using System.ComponentModel.DataAnnotations;
using MailKit.Security;

namespace MucGov.Identity.Mail;

/// <summary>Settings of the <c>Mail</c> section: the SMTP server (a Secret in production) and the mail rules.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>SMTP host; empty keeps mails queued (the health check reports it) until one is configured.</summary>
    public string Host { get; set; } = "";

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>
    /// <c>None</c>, <c>StartTls</c> (required), <c>StartTlsWhenAvailable</c>, <c>SslOnConnect</c> or <c>Auto</c>.
    /// </summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    /// <summary>SMTP user; empty sends without authentication.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    [Required, EmailAddress]
    public string FromAddress { get; set; } = "buergerkonto@muenchen.example";

    [Required]
    public string FromName { get; set; } = "Bürgerkonto München";

    /// <summary>Mails sent per round (over one SMTP connection).</summary>
    [Range(1, 500)]
    public int BatchSize { get; set; } = 20;

    /// <summary>How often waiting mails are looked for (besides right after they were written).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Attempts before a mail counts as failed for good (visible to operators); with the default back-off, 20 attempts
    /// span about five hours of an unreachable server.
    /// </summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 20;

    /// <summary>Longest wait between two attempts.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long one SMTP exchange may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>At most one Postfach notification per case, and one breach digest per department, within this time.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan NotificationInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the digest of breached deadlines looks for news (a department gets one at most every <see cref="NotificationInterval"/>).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan DigestCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>At most one mail of a kind per account within this time from the public forms (registration, reset, new link).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan FormMailInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long the address verification link works.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "7.00:00:00")]
    public TimeSpan VerificationLinkLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long the password reset link works.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan PasswordResetLinkLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long sent mails are kept (for operators' questions) before clean-up.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromDays(30);
}
