using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MucGov.Contracts.Conversation;
using MucGov.Contracts.Ticket;
using MucGov.Shared.Messaging.Inbox;
using MucGov.Shared.Messaging.Outbox;
using MucGov.Ticket.Cases;
using MucGov.Ticket.Data;
using MucGov.Ticket.Documents;
using MucGov.Ticket.Sla;

namespace MucGov.Ticket.Consumers;

/// <summary>
/// The back office receives a procedure the citizen confirmed in the chat: a document procedure is issued at once
/// (<see cref="DocumentIssued"/> back to the chat), any other becomes an application case with the form in the
/// department's queue. One submission, one result, however often it is delivered.
/// </summary>
public sealed class ProcedureSubmittedConsumer(TicketDbContext db, SlaClock sla, IOptions<DocumentOptions> options, TimeProvider clock) : IConsumer<ProcedureSubmitted>
{
    public Task Consume(ConsumeContext<ProcedureSubmitted> context) =>
        db.ProcessOnceAsync(context, nameof(ProcedureSubmittedConsumer), async ct =>
        {
            var submitted = context.Message;
            var form = Form(submitted);
            if (submitted.Result == "document")
            {
                if (await db.Documents.AnyAsync(d => d.SubmissionId == submitted.SubmissionId, ct))
                {
                    return;
                }

                var now = clock.GetUtcNow();
                var code = VerificationCodes.New();
                var title = submitted.ServiceTitle ?? submitted.ServiceId;
                var document = new IssuedDocument
                {
                    Id = Guid.CreateVersion7(now), SubmissionId = submitted.SubmissionId, ConversationId = submitted.ConversationId, CitizenId = submitted.CitizenId,
                    ServiceId = submitted.ServiceId, Title = title, VerificationCode = code, IssuedAt = now,
                    Pdf = CertificatePdf.Render(new CertificateContent(title, [.. form.Select(f => (f.Label, f.Value))], now, code,
                        $"{options.Value.PublicOrigin.TrimEnd('/')}/api/documents/verify/{code}")),
                };
                db.Documents.Add(document);
                db.AddToOutbox(new DocumentIssued(document.Id, submitted.SubmissionId, submitted.ConversationId, title, code), clock);
                return;
            }

            if (await db.Cases.AnyAsync(c => c.SubmissionId == submitted.SubmissionId, ct))
            {
                return;
            }

            await CaseOpening.OpenAsync(db, sla, clock, new NewCase(
                CaseTypes.Application, submitted.ConversationId, null, submitted.SubmissionId, submitted.CitizenId,
                submitted.DepartmentId ?? "buergerservice", submitted.ServiceId, submitted.Language ?? "de", "application", [],
                new Dictionary<string, string>(), form, $"application {submitted.ProcedureId ?? submitted.ServiceId} (submission {submitted.SubmissionId})"), ct);
        }, clock);

    /// <summary>The confirmed fields with their labels, in form order (fields without a label keep their name).</summary>
    private static List<FormValue> Form(ProcedureSubmitted submitted)
    {
        var fields = submitted.Fields ?? new Dictionary<string, string>();
        var labels = submitted.FieldLabels ?? [];
        var ordered = labels.Where(l => fields.ContainsKey(l.Key)).Select(l => new FormValue(l.Key, l.Value, fields[l.Key])).ToList();
        ordered.AddRange(fields.Where(f => labels.All(l => l.Key != f.Key)).Select(f => new FormValue(f.Key, f.Key, f.Value)));
        return ordered;
    }
}
