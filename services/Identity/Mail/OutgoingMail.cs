namespace MucGov.Identity.Mail;

/// <summary>
/// A mail in the identity service's mail outbox: written in the same transaction as what it tells about, sent by
/// <see cref="MailDispatcher"/> at least once (its Message-ID stays the same on every attempt) and recorded once.
/// </summary>
public sealed class OutgoingMail
{
    public Guid Id { get; set; }

    /// <summary>The account it is for; null for mails about no account. Erasing the account erases its mails.</summary>
    public Guid? AccountId { get; set; }

    /// <summary>One of <see cref="MailKinds"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>Mails with the same key are throttled together (e.g. one per case and quarter of an hour).</summary>
    public string? ThrottleKey { get; set; }

    public required string To { get; set; }

    public required string Subject { get; set; }

    public required string TextBody { get; set; }

    public required string HtmlBody { get; set; }

    /// <summary>The one-click unsubscribe address (<c>List-Unsubscribe</c>), for notifications only.</summary>
    public string? UnsubscribeUrl { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Set when the mail will not be sent: the server refused it for good, or every retry failed.</summary>
    public DateTimeOffset? FailedAt { get; set; }

    public string? LastError { get; set; }
}

/// <summary>What a mail is about.</summary>
public static class MailKinds
{
    /// <summary>"New message in your Postfach" (a notification: can be switched off).</summary>
    public const string PostfachNotice = "postfach-notice";

    /// <summary>The link that verifies a new account's address.</summary>
    public const string VerifyEmail = "verify-email";

    /// <summary>The link that verifies a changed address.</summary>
    public const string ConfirmEmailChange = "confirm-email-change";

    /// <summary>Someone tried to register an address that has an account.</summary>
    public const string RegistrationAttempt = "registration-attempt";

    /// <summary>The link that sets a new password.</summary>
    public const string PasswordReset = "password-reset";

    /// <summary>To caseworkers: a case was transferred to their department.</summary>
    public const string CaseTransferred = "case-transferred";

    /// <summary>To a caseworker: a supervisor assigned a case to them.</summary>
    public const string CaseAssigned = "case-assigned";

    /// <summary>To caseworkers: the digest of breached deadlines in their department.</summary>
    public const string SlaDigest = "sla-digest";
}
