using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MucGov.Contracts.Ticket;
using MucGov.Shared.Messaging.Outbox;
using MucGov.Ticket.Cases;
using MucGov.Ticket.Data;

namespace MucGov.Ticket.Sla;

/// <summary>
/// Finds cases whose deadline passed, raises their priority and publishes <see cref="CaseSlaBreached"/> — once per
/// deadline. Each breach is taken under a row lock that other replicas skip, and recorded (the deadline it reported)
/// in the same transaction as the outbox message, so several replicas never report one breach twice.
/// </summary>
public sealed partial class SlaMonitor(IServiceScopeFactory scopes, IOptions<SlaOptions> options, TimeProvider clock, ILogger<SlaMonitor> logger) : BackgroundService
{
    private const int Batch = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await ReportBreachesAsync(stoppingToken) == Batch)
                {
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(ex);
            }

            await Task.Delay(options.Value.MonitorInterval, clock, stoppingToken);
        }
    }

    /// <summary>Reports up to one batch of breaches; returns how many.</summary>
    public async Task<int> ReportBreachesAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketDbContext>();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var breached = await db.Cases
            .FromSql($"""
                SELECT *, xmin FROM cases
                WHERE sla_due_at < {now} AND status IN ('new', 'in-progress')
                  AND (sla_breach_reported_for IS NULL OR sla_breach_reported_for <> sla_due_at)
                ORDER BY sla_due_at
                LIMIT {Batch}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(ct);
        foreach (var @case in breached)
        {
            @case.ReportBreach(now);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (breached.Count > 0)
        {
            LogBreaches(breached.Count);
        }

        return breached.Count;
    }

    [LoggerMessage(LogLevel.Information, "{Count} cases passed their SLA deadline; priority raised and reported")]
    private partial void LogBreaches(int count);

    [LoggerMessage(LogLevel.Warning, "SLA check failed; trying again at the next interval")]
    private partial void LogFailed(Exception ex);
}
