using MassTransit;
using Microsoft.EntityFrameworkCore;
using MucGov.Contracts.Knowledge;
using MucGov.Knowledge.Catalog;
using MucGov.Knowledge.Data;

namespace MucGov.Knowledge.Consumers;

/// <summary>Answers <see cref="GetLocation"/> with the place's address, opening status and how to get there (read-only, so no inbox needed).</summary>
public sealed class GetLocationConsumer(KnowledgeDbContext db, TimeProvider clock) : IConsumer<GetLocation>
{
    public async Task Consume(ConsumeContext<GetLocation> context)
    {
        var request = context.Message;
        var row = await db.Locations.AsNoTracking().SingleOrDefaultAsync(l => l.Id == request.LocationId, context.CancellationToken);
        if (row is null)
        {
            await context.RespondAsync(new LocationDetails(request.LocationId, Found: false));
            return;
        }

        var l = ServiceDetailsReader.Location(row.Entry, request.Language, request.At ?? clock.GetUtcNow());
        await context.RespondAsync(new LocationDetails(l.Id, true,
            new LocationStatus(l.Id, l.Name, l.Address, l.OpenNow, l.OpenNow ? l.ClosesAt : l.NextOpening, l.AppointmentOnly, l.PublicTransport, l.StepFreeAccess)));
    }
}
