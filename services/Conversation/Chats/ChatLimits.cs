using System.Collections.Concurrent;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using MucGov.Conversation.Apis;

namespace MucGov.Conversation.Chats;

/// <summary>
/// The abuse limits of one replica that are not counted in the database: anonymous chats a client address may start
/// (a token bucket: a burst, then a steady refill) and the live streams held open per chat and per address. The
/// per-chat message limit is counted atomically on the chat's row instead (<see cref="ChatRate"/>).
/// </summary>
public sealed class ChatLimits(IOptions<ChatOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> anonymousChats = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetTokenBucketLimiter(address, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Value.AnonymousChatBurst,
            TokensPerPeriod = options.Value.AnonymousChatsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    private readonly ConcurrentDictionary<string, int> openStreams = new(StringComparer.Ordinal);

    /// <summary>May <paramref name="address"/> start another anonymous chat now?</summary>
    public bool MayStartAnonymousChat(IPAddress? address)
    {
        using var lease = anonymousChats.AttemptAcquire(Key(address));
        return lease.IsAcquired;
    }

    /// <summary>
    /// Reserves a stream of <paramref name="conversationId"/> for <paramref name="address"/>; null when the chat or the
    /// address holds as many as allowed. Disposing the result frees it.
    /// </summary>
    public IDisposable? OpenStream(Guid conversationId, IPAddress? address)
    {
        var chat = "chat:" + conversationId;
        var client = "ip:" + Key(address);
        if (!Reserve(chat, options.Value.StreamsPerChat))
        {
            return null;
        }

        if (!Reserve(client, options.Value.StreamsPerAddress))
        {
            Release(chat);
            return null;
        }

        return new Reservation(this, chat, client);
    }

    public void Dispose() => anonymousChats.Dispose();

    private static string Key(IPAddress? address) => address?.ToString() ?? "unknown";

    private bool Reserve(string key, int limit)
    {
        while (true)
        {
            var current = openStreams.GetOrAdd(key, 0);
            if (current >= limit)
            {
                return false;
            }

            if (openStreams.TryUpdate(key, current + 1, current))
            {
                return true;
            }
        }
    }

    private void Release(string key)
    {
        while (openStreams.TryGetValue(key, out var current))
        {
            if (current <= 1 ? openStreams.TryRemove(new KeyValuePair<string, int>(key, current)) : openStreams.TryUpdate(key, current - 1, current))
            {
                return;
            }
        }
    }

    private sealed class Reservation(ChatLimits limits, string chat, string client) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                limits.Release(chat);
                limits.Release(client);
            }
        }
    }
}
