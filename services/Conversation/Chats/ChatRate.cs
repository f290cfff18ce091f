using MucGov.Conversation.Data;
using MucGov.Shared.Data;

namespace MucGov.Conversation.Chats;

/// <summary>
/// The citizen's messages per chat and minute, counted in one statement on the chat's row: of many posts racing,
/// each sees its own count, so no more than the limit get through (counting, then inserting, lets them all pass).
/// </summary>
public static class ChatRate
{
    /// <summary>
    /// Counts one more message in the chat's current minute (a new minute starts the count again) and returns the count;
    /// a retry — the client's message id is stored already — counts nothing and returns 0. One statement: the turn's
    /// first write also finds out whether it is a retry.
    /// </summary>
    public static async Task<int> CountMessageAsync(this ConversationDbContext db, Guid conversationId, string clientMessageId, DateTimeOffset now, CancellationToken ct) =>
        await db.ScalarAsync<int>(
            """
            WITH earlier AS (SELECT 1 FROM messages WHERE conversation_id = @id AND client_message_id = @client),
            counted AS (
              UPDATE conversations SET
                rate_count = CASE WHEN rate_window_start IS NULL OR rate_window_start <= @windowStart THEN 1 ELSE rate_count + 1 END,
                rate_window_start = CASE WHEN rate_window_start IS NULL OR rate_window_start <= @windowStart THEN @now ELSE rate_window_start END
              WHERE id = @id AND NOT EXISTS (SELECT 1 FROM earlier)
              RETURNING rate_count)
            SELECT COALESCE((SELECT rate_count FROM counted), 0)
            """,
            ct, ("id", conversationId), ("client", clientMessageId), ("now", now), ("windowStart", now.AddMinutes(-1)));
}
