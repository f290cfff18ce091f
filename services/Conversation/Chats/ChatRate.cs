using MucGov.Conversation.Data;
using MucGov.Shared.Data;

namespace MucGov.Conversation.Chats;

/// <summary>
/// The citizen's messages per chat and minute, counted in one statement on the chat's row: of many posts racing,
/// each sees its own count, so no more than the limit get through (counting, then inserting, lets them all pass).
/// </summary>
public static class ChatRate
{
    /// <summary>Counts one more message in the chat's current minute (a new minute starts the count again); returns the count.</summary>
    public static async Task<int> CountMessageAsync(this ConversationDbContext db, Guid conversationId, DateTimeOffset now, CancellationToken ct) =>
        await db.ScalarAsync<int>(
            """
            UPDATE conversations SET
              rate_count = CASE WHEN rate_window_start IS NULL OR rate_window_start <= @windowStart THEN 1 ELSE rate_count + 1 END,
              rate_window_start = CASE WHEN rate_window_start IS NULL OR rate_window_start <= @windowStart THEN @now ELSE rate_window_start END
            WHERE id = @id
            RETURNING rate_count
            """,
            ct, ("id", conversationId), ("now", now), ("windowStart", now.AddMinutes(-1)));
}
