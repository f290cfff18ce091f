using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using MucGov.Identity.Data;

namespace MucGov.Identity.Mail;

/// <summary>
/// Tells operators when mail does not flow: no SMTP host configured, mails given up in the last day, or mails waiting
/// longer than ten minutes. Degraded at worst: the Bürgerkonto works without mail, so the service stays ready.
/// </summary>
public sealed class MailHealthCheck(IServiceScopeFactory scopes, IOptionsMonitor<MailOptions> options, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(options.CurrentValue.Host))
        {
            return HealthCheckResult.Degraded("No SMTP host configured (Mail:Host): mails stay queued.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountDbContext>();
        var now = clock.GetUtcNow();
        var dayAgo = now.AddDays(-1);
        var stuckSince = now.AddMinutes(-10);
        var failed = await db.OutgoingMails.CountAsync(m => m.FailedAt > dayAgo, cancellationToken);
        var waiting = await db.OutgoingMails.CountAsync(m => m.SentAt == null && m.FailedAt == null && m.CreatedAt < stuckSince, cancellationToken);
        var data = new Dictionary<string, object> { ["failedLastDay"] = failed, ["waitingOverTenMinutes"] = waiting };
        return failed > 0 || waiting > 0
            ? HealthCheckResult.Degraded($"{failed} mail(s) given up in the last day, {waiting} waiting over ten minutes.", data: data)
            : HealthCheckResult.Healthy("Mail flows.", data);
    }
}
