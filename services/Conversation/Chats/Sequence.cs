using MucGov.Conversation.Data;
using MucGov.Shared.Data;

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
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Numbers are reserved inside the transaction that stores the messages.");
        }

        var last = await db.ScalarAsync<long>(
            "UPDATE conversations SET last_seq = last_seq + @count, updated_at = now() WHERE id = @id RETURNING last_seq",
            ct, ("count", count), ("id", conversationId));
        return last > 0 ? last : throw new InvalidOperationException($"Conversation {conversationId} does not exist.");
    }
}
