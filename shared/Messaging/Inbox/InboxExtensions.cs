using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace MucGov.Shared.Messaging.Inbox;

/// <summary>Makes a consumer's effect happen once per message, however often the broker delivers it.</summary>
public static class InboxExtensions
{
    /// <summary>
    /// Runs <paramref name="handle"/> and saves its changes (including outbox rows it adds) in one transaction with
    /// the inbox record of (message id, <paramref name="consumer"/>). If that record already exists the message was
    /// processed before and nothing runs. A concurrent redelivery waits on the record's unique key and then finds it.
    /// Throwing from <paramref name="handle"/> rolls everything back, so the retry (e.g. a message whose parent has
    /// not arrived yet, see <see cref="MessageOutOfOrderException"/>) starts clean.
    /// </summary>
    /// <returns>True when processed now, false when it was a redelivery.</returns>
    public static async Task<bool> ProcessOnceAsync(this DbContext db, ConsumeContext message, string consumer, Func<CancellationToken, Task> handle, TimeProvider? clock = null)
    {
        var messageId = message.MessageId ?? throw new InvalidOperationException("Messages must carry a message id (the outbox sets one).");
        var ct = message.CancellationToken;
        var now = (clock ?? TimeProvider.System).GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var recorded = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES ({messageId}, {consumer}, {now}) ON CONFLICT DO NOTHING",
            ct);
        if (recorded == 0)
        {
            await transaction.RollbackAsync(ct);
            return false;
        }

        await handle(ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}

/// <summary>
/// Thrown by a consumer when a message refers to something that has not arrived yet (its parent); the message is
/// retried later rather than dropped, since delivery order is not guaranteed.
/// </summary>
public sealed class MessageOutOfOrderException(string message) : Exception(message);
