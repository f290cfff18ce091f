namespace MucGov.Identity.Staff;

/// <summary>An act of a supervisor or operator on a staff account (e.g. an authenticator reset): who, on whom, when, why. Never changed.</summary>
public sealed class StaffAuditEntry
{
    public Guid Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>What was done: <see cref="StaffAudit.AuthenticatorReset"/>, <see cref="StaffAudit.AuthenticatorEnrolled"/>.</summary>
    public required string Action { get; set; }

    public Guid ActorId { get; set; }

    public required string ActorName { get; set; }

    public Guid TargetId { get; set; }

    public required string TargetName { get; set; }

    public string? Reason { get; set; }
}

/// <summary>The acts recorded in the staff audit.</summary>
public static class StaffAudit
{
    public const string AuthenticatorReset = "authenticator-reset";
    public const string AuthenticatorEnrolled = "authenticator-enrolled";

    /// <summary>How long after a reset the staff member may set up the new authenticator.</summary>
    public static readonly TimeSpan EnrollmentWindow = TimeSpan.FromHours(24);
}
