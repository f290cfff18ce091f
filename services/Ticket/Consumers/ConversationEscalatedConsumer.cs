using MassTransit;
using Microsoft.EntityFrameworkCore;
using MucGov.Contracts.Conversation;
using MucGov.Contracts.Ticket;
using MucGov.Shared.Messaging.Inbox;
using MucGov.Shared.Messaging.Outbox;
using MucGov.Ticket.Cases;
using MucGov.Ticket.Data;
using MucGov.Ticket.Sla;

namespace MucGov.Ticket.Consumers;

/// <summary>Opens exactly one case per escalation in the responsible department's queue and tells the chat its reference.</summary>
public sealed class ConversationEscalatedConsumer(TicketDbContext db, SlaClock sla, TimeProvider clock) : IConsumer<ConversationEscalated>
{
    public Task Consume(ConsumeContext<ConversationEscalated> context) =>
        db.ProcessOnceAsync(context, nameof(ConversationEscalatedConsumer), async ct =>
        {
            var escalation = context.Message;
            // The inbox catches redeliveries of one message; this (and the unique index behind it) a second publish of the same escalation.
            if (await db.Cases.AnyAsync(c => c.EscalationId == escalation.EscalationId, ct))
            {
                return;
            }

            var now = clock.GetUtcNow();
            var opened = new Case
            {
                Id = Guid.CreateVersion7(now),
                Reference = await References.NextAsync(db, now, ct),
                Type = CaseTypes.Enquiry,
                ConversationId = escalation.ConversationId,
                EscalationId = escalation.EscalationId,
                CitizenId = escalation.CitizenId,
                DepartmentId = escalation.DepartmentId,
                ServiceId = escalation.ServiceId,
                Language = escalation.Language,
                Reason = escalation.Reason,
                Status = CaseStatus.New,
                Priority = Priorities.Normal,
                OpenedAt = now,
                UpdatedAt = now,
                SlaDueAt = await sla.ResponseDueAsync(escalation.DepartmentId, now, ct),
                Transcript = [.. escalation.Transcript ?? []],
                CitizenSnapshot = escalation.CitizenSnapshot?.ToDictionary() ?? [],
            };
            db.Cases.Add(opened);
            db.Record(opened, Actor.System, "opened", null, CaseStatus.New, now, $"escalation {escalation.EscalationId} ({escalation.Reason ?? "unspecified"})");
            db.AddToOutbox(new CaseOpened(opened.Id, opened.Reference, opened.ConversationId, escalation.EscalationId, null, opened.DepartmentId, opened.SlaDueAt), clock);
        }, clock);
}
