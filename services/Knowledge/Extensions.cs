using MucGov.Knowledge.Data;
using MucGov.Shared.Data;
using MucGov.Shared.Messaging;

namespace MucGov.Knowledge;

public static class Extensions
{
    /// <summary>The knowledge service's database, bus and outbox.</summary>
    public static IHostApplicationBuilder AddKnowledgeService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<KnowledgeDbContext>("Knowledge");
        builder.AddServiceMessaging<KnowledgeDbContext>("knowledge");
        return builder;
    }
}
