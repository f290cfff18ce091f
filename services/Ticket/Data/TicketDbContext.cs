using Microsoft.EntityFrameworkCore;
using MucGov.Shared.Messaging;

namespace MucGov.Ticket.Data;

/// <summary>The ticket service's own database.</summary>
public sealed class TicketDbContext(DbContextOptions<TicketDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
    }
}
