using MucGov.Shared.Calendar;

namespace MucGov.Ticket.Sla;

/// <summary>
/// What a case needs to know of a department when it changes: its display name, and its deadlines (the configured
/// answer times counted in its business hours).
/// </summary>
public sealed record DepartmentTerms(string DepartmentId, string? Name, WeeklySchedule? Schedule, TimeSpan ResponseTime, TimeSpan FollowUpTime)
{
    /// <summary>Deadline for the department's answer (a new case, a transfer, the citizen's answer), counted from <paramref name="from"/>.</summary>
    public DateTimeOffset ResponseDue(DateTimeOffset from) => SlaClock.Deadline(from, ResponseTime, Schedule);

    /// <summary>Deadline for the department's next step after a public reply.</summary>
    public DateTimeOffset FollowUpDue(DateTimeOffset from) => SlaClock.Deadline(from, FollowUpTime, Schedule);
}
