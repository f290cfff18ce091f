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
/// (<see cref="DocumentIssued"/> back to the chat) with the certified fields read from the Bürgerkonto record, any
/// other becomes an application case with the form in the department's queue. A document the record does not support
/// (no consent, too low a trust level, a missing field) becomes an application for the department to check instead.
/// One submission, one result, however often it is delivered.
/// </summary>
public sealed partial class ProcedureSubmittedConsumer(
    TicketDbContext db, SlaClock sla, CitizenRecords records, IOptions<DocumentOptions> options, TimeProvider clock, ILogger<ProcedureSubmittedConsumer> logger)
    : IConsumer<ProcedureSubmitted>
{
    public Task Consume(ConsumeContext<ProcedureSubmitted> context) =>
        db.ProcessOnceAsync(context, nameof(ProcedureSubmittedConsumer), async ct =>
        {
            var submitted = context.Message;
            if (await db.Documents.AnyAsync(d => d.SubmissionId == submitted.SubmissionId, ct) || await db.Cases.AnyAsync(c => c.SubmissionId == submitted.SubmissionId, ct))
            {
                return;
            }

            var detail = $"application {submitted.ProcedureId ?? submitted.ServiceId} (submission {submitted.SubmissionId})";
            var form = ProcedureForms.Typed(submitted);
            if (submitted.Result == "document")
            {
                var certified = await records.ReadAsync(submitted, ct);
                if (!certified.Refused)
                {
                    Issue(submitted, certified.Lines, await sla.TermsAsync(DepartmentOf(submitted), ct));
                    return;
                }

                LogRefused(submitted.SubmissionId, certified.Refusal!);
                detail = $"document not issued: {certified.Refusal}; {detail}";
                form = [.. certified.Lines];
            }

            await CaseOpening.OpenAsync(db, sla, clock, new NewCase(
                CaseTypes.Application, submitted.ConversationId, null, submitted.SubmissionId, submitted.CitizenId,
                DepartmentOf(submitted), submitted.ServiceId, submitted.Language ?? "de", "application", [],
                new Dictionary<string, string>(), form, detail), ct);
        }, clock);

    private static string DepartmentOf(ProcedureSubmitted submitted) => submitted.DepartmentId ?? "buergerservice";

    private void Issue(ProcedureSubmitted submitted, IReadOnlyList<FormValue> lines, DepartmentTerms department)
    {
        var now = clock.GetUtcNow();
        var code = VerificationCodes.New();
        var title = submitted.ServiceTitle ?? submitted.ServiceId;
        var document = new IssuedDocument
        {
            Id = Guid.CreateVersion7(now), SubmissionId = submitted.SubmissionId, ConversationId = submitted.ConversationId, CitizenId = submitted.CitizenId,
            ServiceId = submitted.ServiceId, Title = title, VerificationCode = code, IssuedAt = now,
            Pdf = CertificatePdf.Render(new CertificateContent(title,
                [.. lines.Where(l => l.Source == FormSources.Buergerkonto).Select(l => (l.Label, l.Value))],
                [.. lines.Where(l => l.Source != FormSources.Buergerkonto).Select(l => (l.Label, l.Value))],
                now, code, $"{options.Value.PublicOrigin.TrimEnd('/')}/api/documents/verify/{code}")),
        };
        db.Documents.Add(document);
        db.AddToOutbox(new DocumentIssued(document.Id, submitted.SubmissionId, submitted.ConversationId, title, code), clock);
        db.AddToOutbox(PostfachLetters.Document(document.Id, submitted.CitizenId, department, title, code, submitted.Language, now), clock);
    }

    [LoggerMessage(LogLevel.Warning, "Submission {SubmissionId}: no document issued ({Reason}); the department checks it as an application")]
    private partial void LogRefused(Guid submissionId, string reason);
}
