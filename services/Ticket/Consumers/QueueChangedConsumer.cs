using MassTransit;
using MucGov.Contracts.Ticket;
using MucGov.Ticket.Queue;

namespace MucGov.Ticket.Consumers;

/// <summary>Tells this replica's console streams of a department that its queue changed (on whichever replica it happened).</summary>
public sealed class QueueChangedConsumer(QueueEvents events) : IConsumer<QueueChanged>
{
    public Task Consume(ConsumeContext<QueueChanged> context)
    {
        events.Notify(context.Message);
        return Task.CompletedTask;
    }
}
