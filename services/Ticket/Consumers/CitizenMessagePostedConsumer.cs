using MassTransit;
using Microsoft.EntityFrameworkCore;
using MucGov.Contracts.Conversation;
using MucGov.Shared.Messaging.Inbox;
using MucGov.Ticket.Cases;
using MucGov.Ticket.Data;
using MucGov.Ticket.Sla;

namespace MucGov.Ticket.Consumers;

/// <summary>Appends what the citizen wrote in the chat to the case (<see cref="Case.CitizenWrote"/>), once per chat message.</summary>
public sealed class CitizenMessagePostedConsumer(TicketDbContext db, SlaClock sla, TimeProvider clock) : IConsumer<CitizenMessagePosted>
{
    public Task Consume(ConsumeContext<CitizenMessagePosted> context) =>
        db.ProcessOnceAsync(context, nameof(CitizenMessagePostedConsumer), async ct =>
        {
            var posted = context.Message;
            var @case = await db.Cases.SingleOrDefaultAsync(c => c.EscalationId == posted.EscalationId, ct)
                ?? throw new MessageOutOfOrderException($"No case for escalation {posted.EscalationId} (yet).");
            if (await db.Messages.AnyAsync(m => m.SourceId == posted.MessageId, ct))
            {
                return;
            }

            @case.CitizenWrote(posted.MessageId, posted.Text, posted.CreatedAt, await sla.TermsAsync(@case.DepartmentId, ct), clock.GetUtcNow());
        }, clock);
}
