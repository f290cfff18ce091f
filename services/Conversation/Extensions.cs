using MucGov.Contracts.Knowledge;
using MucGov.Conversation.Apis;
using MucGov.Conversation.Bot;
using MucGov.Conversation.Data;
using MucGov.Shared.Auth;
using MucGov.Shared.Data;
using MucGov.Shared.Messaging;

namespace MucGov.Conversation;

public static class Extensions
{
    /// <summary>The conversation service: chats, Mingabot, knowledge requests, token validation.</summary>
    public static IHostApplicationBuilder AddConversationService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ConversationDbContext>("Conversation");
        builder.AddServiceMessaging<ConversationDbContext>("conversation", bus =>
        {
            bus.AddRequestClient<SearchKnowledge>();
            bus.AddRequestClient<GetServiceDetails>();
            bus.AddRequestClient<GetLifeSituation>();
            bus.AddRequestClient<GetLocation>();
            bus.AddRequestClient<MucGov.Contracts.Identity.GetCitizenProfile>();
            bus.AddConsumer<Consumers.CaseOpenedConsumer>();
            bus.AddConsumer<Consumers.CaseMessagePostedConsumer>();
            bus.AddConsumer<Consumers.CaseTransferredConsumer>();
            bus.AddConsumer<Consumers.CaseResolvedConsumer>();
            bus.AddConsumer<Consumers.DocumentIssuedConsumer>();
            bus.AddConsumer<Consumers.CitizenErasureRequestedConsumer>();
            // Every replica hears of every new message.
            bus.AddFanOutConsumer<Consumers.ConversationMessageAppendedConsumer>();
        });
        builder.AddTokenValidation();
        builder.Services.AddOptions<BotOptions>().BindConfiguration(BotOptions.Section);
        builder.Services.AddOptions<ChatOptions>().BindConfiguration(ChatOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<IKnowledge, RabbitKnowledge>();
        builder.Services.AddScoped<Mingabot>();
        builder.Services.AddScoped<MucGov.Conversation.Chats.ChatTurns>();
        builder.Services.AddScoped<CitizenProfiles>();
        builder.Services.AddSingleton<Chats.ChatEvents>();
        builder.Services.AddHostedService<LanguageWarmUp>();
        builder.Services.AddSingleton<Chats.ChatLimits>();
        builder.Services.AddSingleton<Chats.ChatCleanup>();
        builder.Services.AddHostedService(services => services.GetRequiredService<Chats.ChatCleanup>());
        return builder;
    }

    public static WebApplication MapConversationService(this WebApplication app)
    {
        app.MapConversationsApi();
        return app;
    }
}
