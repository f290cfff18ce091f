using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
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
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();

        builder.Services.AddDbContext<TContext>((services, db) =>
        {
            var connectionString = builder.Configuration.GetConnectionString(connectionName);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException($"The setting ConnectionStrings:{connectionName} is required.");
            }

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
        if (options.MigrateOnStartup)
        {
            builder.Services.AddHostedService<MigrateOnStartup>();
        }

        builder.Services.AddExceptionHandler<DataExceptionHandler>();
        return builder;
    }

    /// <summary>
    /// Runs the service, or — when started as <c>&lt;service&gt; migrate</c> — applies the migrations of every
    /// registered database and exits (exit code 0 on success). Operators run the latter as a Kubernetes Job.
    /// </summary>
    public static async Task<int> RunServiceAsync(this WebApplication app, string[] args)
    {
        if (args.Length > 0 && args[0] == "migrate")
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

        await app.RunAsync();
        return 0;
    }
}
