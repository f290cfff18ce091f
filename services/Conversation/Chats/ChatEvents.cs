using System.Collections.Concurrent;
using System.Threading.Channels;
using MassTransit;
using MucGov.Contracts.Conversation;
using MucGov.Shared.ServiceDefaults;

namespace MucGov.Conversation.Chats;

/// <summary>
/// This replica's open streams, by conversation. Told about new messages by <see cref="Consumers.ConversationMessageAppendedConsumer"/>
/// (every replica has its own auto-delete queue on the fan-out), so a stream on any replica sees messages written on any other.
/// </summary>
public sealed class ChatEvents
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Subscription, byte>> streams = new();

    public Subscription Subscribe(Guid conversationId)
    {
        var subscription = new Subscription(this, conversationId);
        streams.GetOrAdd(conversationId, _ => new()).TryAdd(subscription, 0);
        return subscription;
    }

    public void Notify(Guid conversationId)
    {
        if (streams.TryGetValue(conversationId, out var subscribers))
        {
            foreach (var subscriber in subscribers.Keys)
            {
                subscriber.Signal.Writer.TryWrite(true);
            }
        }
    }

    private void Remove(Subscription subscription)
    {
        if (streams.TryGetValue(subscription.ConversationId, out var subscribers))
        {
            subscribers.TryRemove(subscription, out _);
        }
    }

    /// <summary>One open stream; disposing it unsubscribes.</summary>
    public sealed class Subscription(ChatEvents owner, Guid conversationId) : IDisposable
    {
        public Guid ConversationId { get; } = conversationId;

        internal Channel<bool> Signal { get; } = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

        /// <summary>Waits for news or the timeout; true when there is news.</summary>
        public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => (await Signal.Reader.ReadOrTimeoutAsync(timeout, ct)).Read;

        public void Dispose() => owner.Remove(this);
    }
}
