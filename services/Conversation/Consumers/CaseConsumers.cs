using MassTransit;
using Microsoft.EntityFrameworkCore;
using MucGov.Contracts.Ticket;
using MucGov.Conversation.Chats;
using MucGov.Conversation.Data;
using MucGov.Shared.Messaging.Inbox;
using Npgsql;

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
            var connection = db.Database.GetDbConnection();
            await using var command = connection.CreateCommand();
            command.Transaction = Microsoft.EntityFrameworkCore.Storage.DbContextTransactionExtensions.GetDbTransaction(db.Database.CurrentTransaction!);
            command.CommandText = "UPDATE conversations SET last_seq = last_seq + 1, updated_at = now() WHERE id = @id RETURNING last_seq";
            command.Parameters.Add(new NpgsqlParameter("id", conversationId));
            var seq = (long)(await command.ExecuteScalarAsync(ct))!;
            var built = message(chat);
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
            var department = chat.DepartmentName ?? context.Message.DepartmentId;
            var text = chat.Language switch
            {
                "en" => $"Your request is now with {department} under reference {context.Message.Reference}. Their answer will appear here.",
                "bar" => $"Dei Anliegn is jetz beim {department}, Aktenzeichen {context.Message.Reference}. D' Antwort kimmt do her.",
                _ => $"Ihr Anliegen liegt jetzt bei {department} unter dem Aktenzeichen {context.Message.Reference}. Die Antwort erscheint hier.",
            };
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
            var department = context.Message.DepartmentId ?? chat.DepartmentName ?? chat.DepartmentId ?? "Stadt München";
            return new ChatMessage
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()), Author = Authors.Caseworker, Text = $"{department}: {context.Message.Text}",
                CreatedAt = context.Message.PostedAt ?? clock.GetUtcNow(), CaseReference = context.Message.Reference ?? chat.CaseReference,
                SourceType = nameof(CaseMessagePosted), SourceId = context.Message.CaseMessageId,
            };
        });
}
