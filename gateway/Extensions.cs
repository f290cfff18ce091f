using Microsoft.AspNetCore.DataProtection;
using MucGov.Gateway.Data;
using MucGov.Gateway.Health;
using MucGov.Shared.Data;

namespace MucGov.Gateway;

public static class Extensions
{
    /// <summary>The gateway's own database (Data Protection keys, later browser sessions), the reverse proxy and the services' health view.</summary>
    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<GatewayDbContext>("Gateway");

        // Keys in the shared database, so every replica can read every other replica's cookies.
        builder.Services.AddDataProtection()
            .SetApplicationName("mucgov-gateway")
            .PersistKeysToDbContext<GatewayDbContext>();

        builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
        builder.AddServicesHealth();
        return builder;
    }
}
