using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MucGov.Shared.ServiceDefaults;

namespace MucGov.Shared.Data;

/// <summary>Registers a service's own PostgreSQL database.</summary>
public static class Extensions
{
    /// <summary>
    /// Registers <typeparamref name="TContext"/> on Npgsql with snake_case names and migrations from the service's
    /// assembly, a readiness check on it, migration at start (when <c>Database:MigrateOnStartup</c>) and for the
    /// <c>migrate</c> command. Interceptors registered as <see cref="IInterceptor"/> (e.g. the outbox's) are added.
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <param name="connectionName">Name under <c>ConnectionStrings</c> (required setting).</param>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddDbContext<TContext>((services, db) =>
        {
            var connectionString = builder.Configuration.GetConnectionString(connectionName);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException($"The setting ConnectionStrings:{connectionName} is required.");
            }

            var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            db.UseNpgsql(connectionString, npgsql => npgsql
                    .MigrationsAssembly(typeof(TContext).Assembly.FullName)
                    .MigrationsHistoryTable("__ef_migrations_history")
                    .CommandTimeout(options.CommandTimeoutSeconds))
                .UseSnakeCaseNamingConvention()
                .AddInterceptors(services.GetServices<IInterceptor>());
        });

        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>(
            name: "database",
            tags: [ServiceDefaults.Extensions.ReadyTag],
            customTestQuery: static (db, ct) => db.Database.CanConnectAsync(ct));

        builder.Services.AddSingleton<IDatabaseMigrator, DatabaseMigrator<TContext>>();
        builder.Services.AddHostedService<MigrateOnStartup>();

        builder.Services.AddExceptionHandler<DataExceptionHandler>();
        return builder;
    }

    /// <summary>
    /// The operators' <c>migrate</c> command (<c>dotnet MucGov.Ticket.dll migrate</c>, a Kubernetes Job): applies the
    /// migrations of every registered database and returns the exit code. Call it before mapping endpoints, so that
    /// nothing else (the bus, for instance) is created and no broker credentials are needed.
    /// </summary>
    public static bool IsMigrateCommand(this WebApplication app, string[] args) => args is ["migrate", ..];

    /// <summary>Applies the migrations of every registered database; returns 0 on success.</summary>
    public static async Task<int> MigrateAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Migrate");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        foreach (var migrator in app.Services.GetServices<IDatabaseMigrator>())
        {
            await migrator.MigrateAsync(timeout.Token);
        }

        logger.LogInformation("Migrations applied");
        return 0;
    }
}
