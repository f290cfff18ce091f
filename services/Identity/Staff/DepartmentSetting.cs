namespace MucGov.Identity.Staff;

/// <summary>
/// A department's mail setting, chosen by its supervisors: whether its caseworkers are mailed about cases transferred
/// to it, cases assigned to them by someone else, and the digest of breached deadlines. On for a department nobody set.
/// </summary>
public sealed class DepartmentSetting
{
    public required string DepartmentId { get; set; }

    public bool CaseworkerMails { get; set; } = true;

    /// <summary>Subject id of the supervisor who changed it last.</summary>
    public string? ChangedBy { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}

/// <summary>A breached deadline waiting for its department's digest (one per case and deadline).</summary>
public sealed class SlaBreachNotice
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public required string DepartmentId { get; set; }

    public string? Reference { get; set; }

    public DateTimeOffset? DueAt { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>When a digest told the department (or the department's setting said not to).</summary>
    public DateTimeOffset? DigestedAt { get; set; }
}
