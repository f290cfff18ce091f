using MucGov.Ticket.Data;
using MucGov.Shared.Data;
using MucGov.Shared.Messaging;

namespace MucGov.Ticket;

public static class Extensions
{
    /// <summary>The ticket service's database, bus and outbox.</summary>
    public static IHostApplicationBuilder AddTicketService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<TicketDbContext>("Ticket");
        builder.AddServiceMessaging<TicketDbContext>("ticket");
        return builder;
    }
}
