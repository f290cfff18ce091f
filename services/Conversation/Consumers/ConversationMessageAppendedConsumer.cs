using MassTransit;
using MucGov.Contracts.Conversation;
using MucGov.Conversation.Chats;

namespace MucGov.Conversation.Consumers;

/// <summary>Wakes this replica's streams of a conversation that got a new message (on whichever replica it was written).</summary>
public sealed class ConversationMessageAppendedConsumer(ChatEvents events) : IConsumer<ConversationMessageAppended>
{
    public Task Consume(ConsumeContext<ConversationMessageAppended> context)
    {
        events.Notify(context.Message.ConversationId);
        return Task.CompletedTask;
    }
}
