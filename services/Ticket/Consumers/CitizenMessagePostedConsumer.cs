using MassTransit;
using Microsoft.EntityFrameworkCore;
using MucGov.Contracts.Conversation;
using MucGov.Shared.Messaging.Inbox;
using MucGov.Ticket.Cases;
using MucGov.Ticket.Data;
using MucGov.Ticket.Sla;

namespace MucGov.Ticket.Consumers;

/// <summary>
/// Appends what the citizen wrote in the chat to the case. An answer to the department's question puts the case back
/// to in-progress with a fresh response deadline.
/// </summary>
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

            var now = clock.GetUtcNow();
            db.Messages.Add(new CaseMessage
            {
                Id = Guid.CreateVersion7(now), CaseId = @case.Id, Author = Authors.Citizen, Text = posted.Text, CreatedAt = posted.CreatedAt, SourceId = posted.MessageId,
            });
            var from = @case.Status;
            var to = CaseStateMachine.Apply(from, CaseAction.CitizenReplied).To!;
            @case.Status = to;
            if (from != to)
            {
                @case.SlaDueAt = await sla.ResponseDueAsync(@case.DepartmentId, now, ct);
            }

            db.Record(@case, Actor.Citizen, from != to ? "citizen-answered" : "citizen-wrote", from, to, now);
        }, clock);
}
