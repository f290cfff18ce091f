using MucGov.Contracts.Conversation;
using MucGov.Contracts.Ticket;
using MucGov.Shared.Messaging.Outbox;
using MucGov.Ticket.Data;
using MucGov.Ticket.Sla;

namespace MucGov.Ticket.Cases;

/// <summary>What a new case starts with.</summary>
public sealed record NewCase(
    string Type, Guid ConversationId, Guid? EscalationId, Guid? SubmissionId, Guid? CitizenId, string DepartmentId, string? ServiceId,
    string Language, string? Reason, IReadOnlyList<TranscriptEntry> Transcript, IReadOnlyDictionary<string, string> CitizenSnapshot,
    List<FormValue>? Form, string HistoryDetail);

/// <summary>Opens a case: reference, deadline, audit entry and <see cref="CaseOpened"/> in the caller's transaction.</summary>
public static class CaseOpening
{
    public static async Task<Case> OpenAsync(TicketDbContext db, SlaClock sla, TimeProvider clock, NewCase spec, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var opened = new Case
        {
            Id = Guid.CreateVersion7(now),
            Reference = await References.NextAsync(db, now, ct),
            Type = spec.Type,
            ConversationId = spec.ConversationId,
            EscalationId = spec.EscalationId,
            SubmissionId = spec.SubmissionId,
            CitizenId = spec.CitizenId,
            DepartmentId = spec.DepartmentId,
            ServiceId = spec.ServiceId,
            Language = spec.Language,
            Reason = spec.Reason,
            Status = CaseStatus.New,
            Priority = Priorities.Normal,
            OpenedAt = now,
            UpdatedAt = now,
            SlaDueAt = await sla.ResponseDueAsync(spec.DepartmentId, now, ct),
            Transcript = [.. spec.Transcript],
            CitizenSnapshot = spec.CitizenSnapshot.ToDictionary(),
            Form = spec.Form,
        };
        db.Cases.Add(opened);
        db.Record(opened, Actor.System, "opened", null, CaseStatus.New, now, spec.HistoryDetail);
        db.AddToOutbox(new CaseOpened(opened.Id, opened.Reference, opened.ConversationId, spec.EscalationId, spec.SubmissionId, opened.DepartmentId, opened.SlaDueAt), clock);
        return opened;
    }
}
