using MucGov.Knowledge.Apis;
using MucGov.Knowledge.Catalog;
using MucGov.Knowledge.Consumers;
using MucGov.Knowledge.Data;
using MucGov.Knowledge.Search;
using MucGov.Shared.Auth;
using MucGov.Shared.Data;
using MucGov.Shared.Messaging;

namespace MucGov.Knowledge;

public static class Extensions
{
    /// <summary>The knowledge service: catalog database, search, request consumers, token validation for editors.</summary>
    public static IHostApplicationBuilder AddKnowledgeService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<KnowledgeDbContext>("Knowledge");
        builder.AddServiceMessaging<KnowledgeDbContext>("knowledge", bus =>
        {
            bus.AddConsumer<SearchKnowledgeConsumer>();
            bus.AddConsumer<GetServiceDetailsConsumer>();
            bus.AddConsumer<GetDepartmentsConsumer>();
            bus.AddConsumer<GetLifeSituationConsumer>();
            bus.AddConsumer<GetLocationConsumer>();
        });
        builder.AddTokenValidation();
        builder.Services.AddOptions<CatalogOptions>().BindConfiguration(CatalogOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<CatalogSearch>();
        builder.Services.AddSingleton<CatalogIndexes>();
        builder.Services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, CatalogChangeInterceptor>();
        builder.Services.AddScoped<KnowledgeSearch>();
        builder.Services.AddScoped<LifeSituationReader>();
        builder.Services.AddScoped<CatalogStore>();
        builder.Services.AddScoped<ServiceDetailsReader>();
        builder.Services.AddHostedService<SampleCatalogSeeder>();
        builder.Services.AddHostedService<SearchWarmUp>();
        return builder;
    }

    public static WebApplication MapKnowledgeService(this WebApplication app)
    {
        app.MapKnowledgeApi();
        app.MapEditorApi();
        app.MapTranslationsApi();
        app.MapLifeSituationsApi();
        return app;
    }
}
