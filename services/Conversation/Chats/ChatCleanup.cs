using Microsoft.EntityFrameworkCore;
using MucGov.Conversation.Data;

namespace MucGov.Conversation.Bot;

/// <summary>Deletes procedure drafts older than 30 days (hourly): a half-filled form is not kept longer than that.</summary>
public sealed partial class ProcedureDraftCleanup(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ProcedureDraftCleanup> logger) : BackgroundService
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                await DeleteOldDraftsAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Clears drafts started before the cut-off; returns how many.</summary>
    public async Task<int> DeleteOldDraftsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var cutoff = clock.GetUtcNow() - MaxAge;
        return await scope.ServiceProvider.GetRequiredService<ConversationDbContext>().Database.ExecuteSqlAsync(
            $"UPDATE conversations SET procedure = NULL WHERE procedure IS NOT NULL AND (procedure->>'startedAt')::timestamptz < {cutoff}", ct);
    }

    [LoggerMessage(LogLevel.Warning, "Deleting old procedure drafts failed; trying again in an hour")]
    private partial void LogFailed(Exception ex);
}
