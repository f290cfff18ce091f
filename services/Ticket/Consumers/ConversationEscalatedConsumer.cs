using MassTransit;
using Microsoft.EntityFrameworkCore;
using MucGov.Contracts.Conversation;
using MucGov.Shared.Messaging.Inbox;
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

            await CaseOpening.OpenAsync(db, sla, clock, new NewCase(
                CaseTypes.Enquiry, escalation.ConversationId, escalation.EscalationId, null, escalation.CitizenId, escalation.DepartmentId, escalation.ServiceId,
                escalation.Language, escalation.Reason, escalation.Transcript ?? [], escalation.CitizenSnapshot ?? new Dictionary<string, string>(), null,
                $"escalation {escalation.EscalationId} ({escalation.Reason ?? "unspecified"})"), ct);
        }, clock);
}
