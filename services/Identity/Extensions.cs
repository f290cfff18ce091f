using MucGov.Identity.Data;
using MucGov.Shared.Data;
using MucGov.Shared.Messaging;

namespace MucGov.Identity;

public static class Extensions
{
    /// <summary>The identity service's database, bus and outbox.</summary>
    public static IHostApplicationBuilder AddIdentityService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IdentityDbContext>("Identity");
        builder.AddServiceMessaging<IdentityDbContext>("identity");
        return builder;
    }
}
