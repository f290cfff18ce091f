using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MucGov.Conversation.Apis;
using MucGov.Conversation.Data;

namespace MucGov.Conversation.Chats;

/// <summary>
/// Hourly clean-up of what is not kept: procedure drafts older than 30 days (a half-filled form), and anonymous chats
/// without a case after <see cref="ChatOptions.AnonymousChatRetention"/> without a message (no one can come back to
/// them but the holder of the key, and they hold no case).
/// </summary>
public sealed partial class ChatCleanup(IServiceScopeFactory scopes, IOptions<ChatOptions> options, TimeProvider clock, ILogger<ChatCleanup> logger) : BackgroundService
{
    public static readonly TimeSpan MaxDraftAge = TimeSpan.FromDays(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                await DeleteOldDraftsAsync(stoppingToken);
                await DeleteIdleAnonymousChatsAsync(stoppingToken);
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
        var cutoff = clock.GetUtcNow() - MaxDraftAge;
        return await scope.ServiceProvider.GetRequiredService<ConversationDbContext>().Database.ExecuteSqlAsync(
            $"UPDATE conversations SET procedure = NULL WHERE procedure IS NOT NULL AND (procedure->>'startedAt')::timestamptz < {cutoff}", ct);
    }

    /// <summary>Deletes anonymous chats without a case idle since before the cut-off, with their messages; returns how many.</summary>
    public async Task<int> DeleteIdleAnonymousChatsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var cutoff = clock.GetUtcNow() - options.Value.AnonymousChatRetention;
        return await scope.ServiceProvider.GetRequiredService<ConversationDbContext>().Chats
            .Where(c => c.CitizenId == null && c.EscalationId == null && c.UpdatedAt < cutoff)
            .ExecuteDeleteAsync(ct);
    }

    [LoggerMessage(LogLevel.Warning, "Cleaning up old drafts and idle anonymous chats failed; trying again in an hour")]
    private partial void LogFailed(Exception ex);
}
