using MucGov.Contracts.Identity;
using MucGov.Contracts.Knowledge;
using MucGov.Shared.Auth;
using MucGov.Shared.Data;
using MucGov.Shared.Messaging;
using MucGov.Ticket.Apis;
using MucGov.Ticket.Consumers;
using MucGov.Ticket.Data;
using MucGov.Ticket.Departments;
using MucGov.Ticket.Documents;
using MucGov.Ticket.Queue;
using MucGov.Ticket.Sla;

namespace MucGov.Ticket;

public static class Extensions
{
    /// <summary>The ticket service: its database, consumers, SLA clock and monitor, departments' hours, token validation.</summary>
    public static IHostApplicationBuilder AddTicketService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<TicketDbContext>("Ticket");
        builder.AddServiceMessaging<TicketDbContext>("ticket", bus =>
        {
            bus.AddRequestClient<GetDepartments>();
            bus.AddRequestClient<GetCitizenProfile>();
            bus.AddRequestClient<GetStaffMember>();
            bus.AddConsumer<ConversationEscalatedConsumer>();
            bus.AddConsumer<CitizenMessagePostedConsumer>();
            bus.AddConsumer<KnowledgeCatalogChangedConsumer>();
            bus.AddConsumer<CitizenErasureRequestedConsumer>();
            bus.AddConsumer<ProcedureSubmittedConsumer>();
            // Every replica's console streams hear of every queue change.
            bus.AddFanOutConsumer<QueueChangedConsumer>();
        });
        builder.AddTokenValidation();
        builder.Services.AddOptions<SlaOptions>().BindConfiguration(SlaOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<CaseOptions>().BindConfiguration(CaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<DocumentOptions>().BindConfiguration(DocumentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<QueueOptions>().BindConfiguration(QueueOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<QueueEvents>();
        builder.Services.AddScoped<SlaClock>();
        builder.Services.AddScoped<DepartmentDirectoryClient>();
        builder.Services.AddScoped<CitizenRecords>();
        builder.Services.AddHostedService<DepartmentDirectoryRefresher>();
        builder.Services.AddSingleton<SlaMonitor>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SlaMonitor>());
        return builder;
    }

    public static WebApplication MapTicketService(this WebApplication app)
    {
        app.MapQueueApi();
        app.MapQueueEventsApi();
        app.MapCasesApi();
        app.MapMyCasesApi();
        app.MapDepartmentsApi();
        app.MapTemplatesApi();
        app.MapDocumentsApi();
        return app;
    }
}
