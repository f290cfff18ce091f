using MucGov.Contracts.Conversation;
using MucGov.Ticket.Data;
using MucGov.Ticket.Sla;

namespace MucGov.Ticket.Cases;

/// <summary>What a new case starts with.</summary>
public sealed record NewCase(
    string Type, Guid ConversationId, Guid? EscalationId, Guid? SubmissionId, Guid? CitizenId, string DepartmentId, string? ServiceId,
    string Language, string? Reason, IReadOnlyList<TranscriptEntry> Transcript, IReadOnlyDictionary<string, string> CitizenSnapshot,
    List<FormValue>? Form, string HistoryDetail);

/// <summary>Opens a case (<see cref="Case.Open"/>) with the year's next reference, in the caller's transaction.</summary>
public static class CaseOpening
{
    public static async Task<Case> OpenAsync(TicketDbContext db, SlaClock sla, TimeProvider clock, NewCase spec, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var opened = Case.Open(spec, await References.NextAsync(db, now, ct), await sla.TermsAsync(spec.DepartmentId, ct), now);
        db.Cases.Add(opened);
        return opened;
    }
}
