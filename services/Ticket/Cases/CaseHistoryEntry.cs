namespace MucGov.Ticket.Cases;

/// <summary>One entry of a case's audit trail: append-only (the database refuses updates and deletes).</summary>
public sealed class CaseHistoryEntry
{
    public long Id { get; init; }

    public Guid CaseId { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary>Subject id of the staff member, or <c>citizen</c> / <c>system</c>.</summary>
    public required string Actor { get; init; }

    public string? ActorName { get; init; }

    /// <summary>What happened: <c>opened</c>, <c>claimed</c>, <c>released</c>, <c>replied</c>, <c>noted</c>, …</summary>
    public required string Action { get; init; }

    public string? FromStatus { get; init; }

    public string? ToStatus { get; init; }

    /// <summary>Details that matter later (the target department and reason of a transfer, the old deadline, …).</summary>
    public string? Detail { get; init; }
}
