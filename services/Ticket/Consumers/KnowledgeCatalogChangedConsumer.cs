using MassTransit;
using Microsoft.EntityFrameworkCore;
using MucGov.Contracts.Knowledge;
using MucGov.Ticket.Data;
using MucGov.Ticket.Departments;

namespace MucGov.Ticket.Consumers;

/// <summary>A department changed in the catalog (its business hours, say): refresh the cache unless it already holds that version.</summary>
public sealed class KnowledgeCatalogChangedConsumer(TicketDbContext db, DepartmentDirectoryClient directory) : IConsumer<KnowledgeCatalogChanged>
{
    public async Task Consume(ConsumeContext<KnowledgeCatalogChanged> context)
    {
        if (context.Message.DepartmentId is not { } departmentId)
        {
            return;
        }

        var cached = await db.Departments.AsNoTracking().Where(d => d.Id == departmentId).Select(d => (long?)d.Version).SingleOrDefaultAsync(context.CancellationToken);
        if (cached >= context.Message.Version && !context.Message.Deleted)
        {
            return;
        }

        // Refreshing is idempotent, so no inbox record is needed; if knowledge does not answer, the retry asks again.
        if (!await directory.RefreshAsync(context.CancellationToken))
        {
            throw new TimeoutException("The knowledge service did not send the departments.");
        }
    }
}
