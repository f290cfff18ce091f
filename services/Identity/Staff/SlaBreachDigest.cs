using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MucGov.Identity.Data;
using MucGov.Identity.Mail;
using MucGov.Shared.Data;

namespace MucGov.Identity.Staff;

/// <summary>
/// Sends each department's caseworkers the digest of its breached deadlines, at most once per
/// <see cref="MailOptions.NotificationInterval"/>: every <see cref="MailOptions.DigestCheckInterval"/> it looks for
/// waiting breaches; a department is handled by one replica at a time (a transaction-scoped lock), and its breaches are
/// marked in the same transaction as the mails.
/// </summary>
public sealed partial class SlaBreachDigest(IServiceScopeFactory scopes, IOptionsMonitor<MailOptions> options, TimeProvider clock, ILogger<SlaBreachDigest> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogRoundFailed(ex);
            }

            try
            {
                await Task.Delay(options.CurrentValue.DigestCheckInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One round: a digest for every department with waiting breaches whose last digest is long enough ago.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        List<string> departments;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AccountDbContext>();
            departments = await db.SlaBreachNotices.Where(n => n.DigestedAt == null).Select(n => n.DepartmentId).Distinct().ToListAsync(ct);
        }

        foreach (var department in departments)
        {
            await DigestAsync(department, ct);
        }
    }

    private async Task DigestAsync(string department, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountDbContext>();
        var notifications = scope.ServiceProvider.GetRequiredService<StaffNotifications>();
        var mails = scope.ServiceProvider.GetRequiredService<Mails>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var key = StaffNotifications.DigestKey(department);
        if (!await db.TryLockAsync(key, ct) || await mails.SentWithinAsync(m => m.ThrottleKey == key, options.CurrentValue.NotificationInterval, ct))
        {
            await transaction.RollbackAsync(ct);
            return;
        }

        var waiting = await db.SlaBreachNotices.Where(n => n.DepartmentId == department && n.DigestedAt == null).OrderBy(n => n.ReceivedAt).ToListAsync(ct);
        if (await notifications.DepartmentWantsMailsAsync(department, ct))
        {
            await notifications.DigestAsync(department, [.. waiting.Select(n => n.Reference ?? n.CaseId.ToString()).Distinct()], ct);
        }

        var now = clock.GetUtcNow();
        foreach (var notice in waiting)
        {
            notice.DigestedAt = now;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    [LoggerMessage(LogLevel.Warning, "SLA digest round failed; retrying at the next one")]
    private partial void LogRoundFailed(Exception exception);
}
