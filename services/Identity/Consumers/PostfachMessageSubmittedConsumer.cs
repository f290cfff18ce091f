using MassTransit;
using Microsoft.EntityFrameworkCore;
using MucGov.Contracts.Ticket;
using MucGov.Identity.Accounts;
using MucGov.Identity.Data;
using MucGov.Identity.Postfach;
using MucGov.Shared.Messaging.Inbox;

namespace MucGov.Identity.Consumers;

/// <summary>
/// Puts a department's message into the citizen's Postfach, once per message id however often it is delivered, and
/// announces it by e-mail (<see cref="PostfachNotifications"/>) in the same transaction. A message for an account
/// that no longer exists (erased) is dropped: there is nobody to keep it for.
/// </summary>
public sealed partial class PostfachMessageSubmittedConsumer(
    AccountDbContext db, PostfachNotifications notifications, TimeProvider clock, ILogger<PostfachMessageSubmittedConsumer> logger)
    : IConsumer<PostfachMessageSubmitted>
{
    public Task Consume(ConsumeContext<PostfachMessageSubmitted> context) =>
        db.ProcessOnceAsync(context, nameof(PostfachMessageSubmittedConsumer), async ct =>
        {
            var submitted = context.Message;
            var account = await db.Users.SingleOrDefaultAsync(a => a.Id == submitted.CitizenId && a.Kind == AccountKind.Citizen, ct);
            if (account is null)
            {
                LogNoAccount(submitted.PostfachMessageId);
                return;
            }

            if (await db.PostfachMessages.AnyAsync(m => m.Id == submitted.PostfachMessageId, ct))
            {
                return;
            }

            var now = clock.GetUtcNow();
            var message = new PostfachMessage
            {
                Id = submitted.PostfachMessageId, AccountId = account.Id, DepartmentId = submitted.DepartmentId, DepartmentName = submitted.DepartmentName,
                CaseId = submitted.CaseId, Reference = submitted.Reference, Kind = submitted.Kind, Subject = Clip(submitted.Subject, 300), Body = submitted.Body,
                DocumentId = submitted.DocumentId, Language = submitted.Language, SentAt = submitted.SubmittedAt ?? now, ReceivedAt = now,
            };
            db.PostfachMessages.Add(message);
            await notifications.ArrivedAsync(account, message, ct);
        }, clock);

    private static string Clip(string value, int length) => value.Length <= length ? value : value[..(length - 1)] + "…";

    [LoggerMessage(LogLevel.Information, "Postfach message {MessageId} dropped: its citizen has no account (any more)")]
    private partial void LogNoAccount(Guid messageId);
}
