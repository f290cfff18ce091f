using MassTransit;
using Microsoft.EntityFrameworkCore;
using MucGov.Contracts.Identity;
using MucGov.Shared.Messaging.Inbox;
using MucGov.Ticket.Cases;
using MucGov.Ticket.Data;

namespace MucGov.Ticket.Consumers;

/// <summary>
/// Erasure rule: a case is the city's administrative record and is kept for its retention period, but nothing in it
/// points to the person any more — the citizen snapshot (name, birth date, address, e-mail, phone) is emptied and the
/// link to the Bürgerkonto removed. What the citizen wrote stays as part of the record. Issued documents lose their PDF
/// copy and owner; their verification record stays, so the paper in the citizen's hands can still be checked. Open cases are closed, since
/// nobody can be answered any more (the chat is erased too), without a message to the chat.
/// </summary>
public sealed class CitizenErasureRequestedConsumer(TicketDbContext db, TimeProvider clock) : IConsumer<CitizenErasureRequested>
{
    public Task Consume(ConsumeContext<CitizenErasureRequested> context) =>
        db.ProcessOnceAsync(context, nameof(CitizenErasureRequestedConsumer), async ct =>
        {
            var now = clock.GetUtcNow();
            foreach (var @case in await db.Cases.Where(c => c.CitizenId == context.Message.CitizenId).ToListAsync(ct))
            {
                @case.Anonymise(context.Message.ErasureId, now);
            }

            // Issued documents: the PDF and the link to the account go; the verification record stays (the paper is the citizen's).
            await db.Documents.Where(d => d.CitizenId == context.Message.CitizenId)
                .ExecuteUpdateAsync(d => d.SetProperty(x => x.Pdf, (byte[]?)null).SetProperty(x => x.CitizenId, (Guid?)null), ct);
        }, clock);
}
