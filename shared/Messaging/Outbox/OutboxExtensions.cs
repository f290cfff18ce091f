using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace MucGov.Shared.Messaging.Outbox;

/// <summary>The only way services publish: add the message to the DbContext next to the state change, save once.</summary>
public static class OutboxExtensions
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly ConcurrentDictionary<string, Type?> Types = new();

    /// <summary>
    /// Adds <paramref name="message"/> to the outbox. It is written by the next <c>SaveChanges</c> (in that
    /// transaction) and published right after commit; if the transaction rolls back, it is never published.
    /// </summary>
    /// <returns>The message id consumers will see.</returns>
    public static Guid AddToOutbox<T>(this DbContext db, T message, TimeProvider? clock = null) where T : class =>
        db.AddToOutbox(message, (clock ?? TimeProvider.System).GetUtcNow());

    /// <summary>
    /// Adds <paramref name="message"/> to the outbox as it happened at <paramref name="now"/> (for changes that carry their
    /// own time, such as an aggregate's pending events).
    /// </summary>
    /// <returns>The message id consumers will see.</returns>
    public static Guid AddToOutbox<T>(this DbContext db, T message, DateTimeOffset now) where T : class
    {
        ArgumentNullException.ThrowIfNull(message);
        var activity = Activity.Current;
        var row = new OutboxMessage
        {
            Id = Guid.CreateVersion7(now),
            MessageType = TypeName(message.GetType()),
            Body = JsonSerializer.Serialize(message, message.GetType(), Json),
            TraceParent = activity?.Id,
            CorrelationId = activity?.GetBaggageItem("correlation.id"),
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.Set<OutboxMessage>().Add(row);
        return row.Id;
    }

    internal static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    internal static Type? ResolveType(string name) => Types.GetOrAdd(name, static n => Type.GetType(n, throwOnError: false));
}
