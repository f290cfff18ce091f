using MucGov.Conversation.Data;
using MucGov.Shared.Data;
using MucGov.Shared.Messaging;

namespace MucGov.Conversation;

public static class Extensions
{
    /// <summary>The conversation service's database, bus and outbox.</summary>
    public static IHostApplicationBuilder AddConversationService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ConversationDbContext>("Conversation");
        builder.AddServiceMessaging<ConversationDbContext>("conversation");
        return builder;
    }
}
