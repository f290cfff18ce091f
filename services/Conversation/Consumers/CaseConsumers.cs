using MassTransit;
using Microsoft.EntityFrameworkCore;
using MucGov.Contracts.Ticket;
using MucGov.Conversation.Chats;
using MucGov.Conversation.Data;
using MucGov.Conversation.Texts;
using MucGov.Shared.Messaging.Inbox;
using MucGov.Shared.Messaging.Outbox;

namespace MucGov.Conversation.Consumers;

/// <summary>Appends a message made from another service's event to a chat, once, with the next seq.</summary>
internal static class BackChannel
{
    public static async Task AppendAsync(ConversationDbContext db, ConsumeContext context, string consumer, Guid conversationId, Func<Chat, ChatMessage> message)
    {
        await db.ProcessOnceAsync(context, consumer, async ct =>
        {
            var chat = await db.Chats.SingleOrDefaultAsync(c => c.Id == conversationId, ct)
                ?? throw new MessageOutOfOrderException($"Conversation {conversationId} is not here (yet).");
            var seq = await Sequence.AllocateAsync(db, conversationId, 1, ct);
            var built = message(chat);
            db.AddToOutbox(new MucGov.Contracts.Conversation.ConversationMessageAppended(conversationId, seq));
            db.Messages.Add(new ChatMessage
            {
                Id = built.Id, ConversationId = conversationId, Seq = seq, Author = built.Author, Text = built.Text, Language = chat.Language,
                CreatedAt = built.CreatedAt, CaseReference = built.CaseReference, SourceType = built.SourceType, SourceId = built.SourceId,
            });
        });
    }
}

/// <summary>Shows the case reference and department in the chat once the ticket service opened the case.</summary>
public sealed class CaseOpenedConsumer(ConversationDbContext db, TimeProvider clock) : IConsumer<CaseOpened>
{
    public Task Consume(ConsumeContext<CaseOpened> context) =>
        BackChannel.AppendAsync(db, context, nameof(CaseOpenedConsumer), context.Message.ConversationId, chat =>
        {
            chat.CaseReference = context.Message.Reference;
            var department = chat.State.Department?.Name ?? context.Message.DepartmentId;
            var text = TextTable.Shipped.Get(chat.Language, "case.opened", ("department", department), ("reference", context.Message.Reference));
            return new ChatMessage
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()), Author = Authors.System, Text = text, CreatedAt = clock.GetUtcNow(),
                CaseReference = context.Message.Reference, SourceType = nameof(CaseOpened), SourceId = context.Message.CaseId,
            };
        });
}

/// <summary>A caseworker's public reply appears in the chat, signed with the department (not the caseworker's name).</summary>
public sealed class CaseMessagePostedConsumer(ConversationDbContext db, TimeProvider clock) : IConsumer<CaseMessagePosted>
{
    public Task Consume(ConsumeContext<CaseMessagePosted> context) =>
        BackChannel.AppendAsync(db, context, nameof(CaseMessagePostedConsumer), context.Message.ConversationId, chat =>
        {
            var department = context.Message.DepartmentName ?? chat.State.Department?.Name ?? context.Message.DepartmentId ?? chat.State.Department?.Id
                ?? TextTable.Shipped.Get(chat.Language, "case.cityFallback");
            return new ChatMessage
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()), Author = Authors.Caseworker, Text = $"{department}: {context.Message.Text}",
                CreatedAt = context.Message.PostedAt ?? clock.GetUtcNow(), CaseReference = context.Message.Reference ?? chat.CaseReference,
                SourceType = nameof(CaseMessagePosted), SourceId = context.Message.CaseMessageId,
            };
        });
}

/// <summary>Tells the citizen the case moved to another department.</summary>
public sealed class CaseTransferredConsumer(ConversationDbContext db, TimeProvider clock) : IConsumer<CaseTransferred>
{
    public Task Consume(ConsumeContext<CaseTransferred> context) =>
        BackChannel.AppendAsync(db, context, nameof(CaseTransferredConsumer), context.Message.ConversationId, chat =>
        {
            chat.State = chat.State with { Department = new Bot.DepartmentRef(context.Message.ToDepartmentId, context.Message.ToDepartmentName) };
            var department = context.Message.ToDepartmentName ?? context.Message.ToDepartmentId;
            var text = TextTable.Shipped.Get(chat.Language, "case.transferred", ("department", department));
            return new ChatMessage
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()), Author = Authors.System, Text = text, CreatedAt = clock.GetUtcNow(),
                CaseReference = context.Message.Reference ?? chat.CaseReference, SourceType = nameof(CaseTransferred),
                SourceId = context.Message.TransferId ?? context.MessageId,
            };
        });
}

/// <summary>Tells the citizen the case is resolved and hands the chat back to the bot.</summary>
public sealed class CaseResolvedConsumer(ConversationDbContext db, TimeProvider clock) : IConsumer<CaseResolved>
{
    public Task Consume(ConsumeContext<CaseResolved> context) =>
        BackChannel.AppendAsync(db, context, nameof(CaseResolvedConsumer), context.Message.ConversationId, chat =>
        {
            // The department is done: from now on Mingabot answers again, and a new request would open a new case.
            chat.EscalationId = null;
            chat.State = chat.State with { PendingEscalation = null };
            var resolution = string.IsNullOrWhiteSpace(context.Message.Resolution) ? "" : " " + context.Message.Resolution;
            var text = TextTable.Shipped.Get(chat.Language, "case.resolved", ("reference", chat.CaseReference), ("resolution", resolution));
            return new ChatMessage
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()), Author = Authors.System, Text = text, CreatedAt = clock.GetUtcNow(),
                CaseReference = context.Message.Reference ?? chat.CaseReference, SourceType = nameof(CaseResolved), SourceId = context.Message.CaseId,
            };
        });
}

/// <summary>A document issued for the citizen's procedure: the chat links to the download and names the verification code.</summary>
public sealed class DocumentIssuedConsumer(ConversationDbContext db, TimeProvider clock) : IConsumer<DocumentIssued>
{
    public Task Consume(ConsumeContext<DocumentIssued> context) =>
        BackChannel.AppendAsync(db, context, nameof(DocumentIssuedConsumer), context.Message.ConversationId, chat =>
        {
            var issued = context.Message;
            var link = $"/api/my/documents/{issued.DocumentId}";
            var text = TextTable.Shipped.Get(chat.Language, "case.documentIssued", ("title", issued.Title), ("link", link), ("code", issued.VerificationCode));
            return new ChatMessage
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()), Author = Authors.System, Text = text, CreatedAt = clock.GetUtcNow(),
                SourceType = nameof(DocumentIssued), SourceId = issued.DocumentId,
            };
        });
}

/// <summary>
/// Erasure: the citizen's conversations are deleted with their messages and consent records. Conversations handed to a
/// department are deleted here too — the case keeps its own transcript copy, which the ticket service erases or keeps
/// as the law on records requires.
/// </summary>
public sealed class CitizenErasureRequestedConsumer(ConversationDbContext db) : IConsumer<MucGov.Contracts.Identity.CitizenErasureRequested>
{
    public Task Consume(ConsumeContext<MucGov.Contracts.Identity.CitizenErasureRequested> context) =>
        db.ProcessOnceAsync(context, nameof(CitizenErasureRequestedConsumer), async ct =>
        {
            var citizen = context.Message.CitizenId;
            await db.Consents.Where(c => c.CitizenId == citizen).ExecuteDeleteAsync(ct);
            await db.Chats.Where(c => c.CitizenId == citizen).ExecuteDeleteAsync(ct);
        });
}
