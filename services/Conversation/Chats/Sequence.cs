using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using MucGov.Conversation.Data;
using Npgsql;

namespace MucGov.Conversation.Chats;

/// <summary>Gap-free message numbers per conversation.</summary>
public static class Sequence
{
    /// <summary>
    /// Reserves <paramref name="count"/> numbers in the current transaction and returns the last one. The row lock it
    /// takes orders concurrent writers of one conversation; a rolled-back transaction gives its numbers back.
    /// </summary>
    public static async Task<long> AllocateAsync(ConversationDbContext db, Guid conversationId, int count, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Numbers are reserved inside the transaction that stores the messages.");
        command.CommandText = "UPDATE conversations SET last_seq = last_seq + @count, updated_at = now() WHERE id = @id RETURNING last_seq";
        command.Parameters.Add(new NpgsqlParameter("count", count));
        command.Parameters.Add(new NpgsqlParameter("id", conversationId));
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
