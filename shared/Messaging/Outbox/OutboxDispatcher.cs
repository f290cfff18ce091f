using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MucGov.Shared.Messaging.Outbox;

/// <summary>
/// Publishes committed outbox rows. Each round locks a batch with <c>FOR UPDATE SKIP LOCKED</c>, so several replicas
/// never publish the same row; a row is marked sent only after the broker confirmed it, in the same transaction that
/// held the lock. Runs on a signal after commit, with a poll as fallback.
/// </summary>
public sealed partial class OutboxDispatcher<TContext>(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService where TContext : DbContext
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int published;
            try
            {
                published = await DispatchBatchAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be briefly away; the rows stay and the next round retries.
                LogRoundFailed(ex);
                published = 0;
            }

            // A full batch means more may be waiting: go on at once; otherwise sleep until signalled or polled.
            if (published < options.Value.BatchSize)
            {
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
        }
    }

    /// <summary>Publishes one batch of due rows. Returns how many were published.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var publisher = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var batch = await db.Set<OutboxMessage>()
            .FromSql($"""
                SELECT * FROM outbox_messages
                WHERE sent_at IS NULL AND next_attempt_at <= {now}
                ORDER BY created_at, id
                LIMIT {settings.BatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return 0;
        }

        var published = 0;
        foreach (var row in batch)
        {
            try
            {
                await PublishAsync(publisher, row, settings.PublishTimeout, cancellationToken);
                row.SentAt = clock.GetUtcNow();
                row.LastError = null;
                published++;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                row.Attempts++;
                row.NextAttemptAt = clock.GetUtcNow() + RetryDelay(row.Attempts, settings.MaxRetryDelay);
                row.LastError = Truncate(ex.Message, 2000);
                OutboxTelemetry.Failed.Add(1);
                LogPublishFailed(row.Id, row.MessageType, row.Attempts, row.NextAttemptAt, ex.Message);
                // The broker is most likely away: stop this round, keep the rest for the next one.
                break;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        OutboxTelemetry.Published.Add(published);
        return published;
    }

    /// <summary>Exponential back-off with jitter: 1 s, 2 s, 4 s … capped at <paramref name="max"/>.</summary>
    public static TimeSpan RetryDelay(int attempts, TimeSpan max)
    {
        var seconds = Math.Min(Math.Pow(2, Math.Clamp(attempts - 1, 0, 30)), max.TotalSeconds);
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        return TimeSpan.FromSeconds(Math.Min(seconds * jitter, max.TotalSeconds));
    }

    private static async Task PublishAsync(IPublishEndpoint publisher, OutboxMessage row, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var type = OutboxExtensions.ResolveType(row.MessageType)
            ?? throw new InvalidOperationException($"Message type '{row.MessageType}' is not known to this service.");
        var message = JsonSerializer.Deserialize(row.Body, type, OutboxExtensions.Json)
            ?? throw new InvalidOperationException($"Outbox row {row.Id} has an empty body.");

        using var activity = row.TraceParent is null ? null : OutboxTelemetry.Source.StartActivity("outbox publish", ActivityKind.Producer, row.TraceParent);
        using var publishTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        publishTimeout.CancelAfter(timeout);
        await publisher.Publish(message, type, context =>
        {
            context.MessageId = row.Id;
            if (Guid.TryParse(row.CorrelationId, out var correlationId))
            {
                context.CorrelationId = correlationId;
            }
            else if (row.CorrelationId is not null)
            {
                context.Headers.Set("X-Correlation-ID", row.CorrelationId);
            }
        }, publishTimeout.Token);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    [LoggerMessage(LogLevel.Warning, "Publishing outbox message {MessageId} ({MessageType}) failed, attempt {Attempts}; next try at {NextAttemptAt}: {Reason}")]
    private partial void LogPublishFailed(Guid messageId, string messageType, int attempts, DateTimeOffset nextAttemptAt, string reason);

    [LoggerMessage(LogLevel.Warning, "Outbox dispatch round failed; retrying at the next poll")]
    private partial void LogRoundFailed(Exception exception);
}

internal static class OutboxTelemetry
{
    public static readonly ActivitySource Source = new("MucGov.Outbox");
    private static readonly Meter Meter = new("MucGov.Outbox");
    public static readonly Counter<long> Published = Meter.CreateCounter<long>("mucgov.outbox.published", description: "Messages published from the outbox");
    public static readonly Counter<long> Failed = Meter.CreateCounter<long>("mucgov.outbox.failed", description: "Failed publish attempts");
}
