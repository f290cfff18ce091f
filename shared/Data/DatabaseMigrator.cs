using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Polly;
using Polly.Retry;

namespace MucGov.Shared.Data;

/// <summary>Applies a database's pending EF Core migrations.</summary>
public interface IDatabaseMigrator
{
    /// <summary>Waits until the database accepts connections (with retries) and applies pending migrations.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);
}

internal sealed partial class DatabaseMigrator<TContext>(
    IServiceScopeFactory scopes,
    IOptions<DatabaseOptions> options,
    ILogger<DatabaseMigrator<TContext>> logger) : IDatabaseMigrator where TContext : DbContext
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        // The database often starts together with the service (Kubernetes, ./mucgov up): retry while it comes up.
        var pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(IsTransient).Handle<TimeoutException>(),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(500),
                MaxDelay = TimeSpan.FromSeconds(10),
                MaxRetryAttempts = int.MaxValue,
                OnRetry = args =>
                {
                    LogWaiting(args.AttemptNumber + 1, args.Outcome.Exception?.Message);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.Value.StartupTimeout)
            .Build();

        await pipeline.ExecuteAsync(async ct =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (pending.Count > 0)
            {
                LogApplying(typeof(TContext).Name, pending.Count, string.Join(", ", pending));
                await db.Database.MigrateAsync(ct);
            }
        }, cancellationToken);
    }

    // Authentication or a missing database will not heal by waiting; a refused connection will.
    private static bool IsTransient(NpgsqlException exception) =>
        exception.IsTransient || exception is { InnerException: System.Net.Sockets.SocketException or IOException or TimeoutException };

    [LoggerMessage(LogLevel.Warning, "Database not reachable yet (attempt {Attempt}): {Reason}")]
    private partial void LogWaiting(int attempt, string? reason);

    [LoggerMessage(LogLevel.Information, "Applying {Count} migration(s) to {Context}: {Migrations}")]
    private partial void LogApplying(string context, int count, string migrations);
}
