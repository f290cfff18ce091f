using System.Diagnostics.Metrics;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using MucGov.Identity.Data;
using MucGov.Shared.Messaging.Outbox;

namespace MucGov.Identity.Mail;

/// <summary>
/// Sends the mail outbox with MailKit. Each round locks a batch of due mails (<c>FOR UPDATE SKIP LOCKED</c>, so
/// replicas never send the same one), sends them over one SMTP connection and records each as sent after the server
/// accepted it: a crash in between sends a mail again (with the same Message-ID), never loses it. A refusal for good
/// (5xx) or the last failed attempt marks the mail failed, logged as an error and counted in
/// <c>mucgov.mail.failed</c>; other failures retry with exponential back-off.
/// </summary>
public sealed partial class MailDispatcher(
    IServiceScopeFactory scopes, IOptionsMonitor<MailOptions> options, TimeProvider clock, ILogger<MailDispatcher> logger) : BackgroundService
{
    private static readonly Meter Meter = new("MucGov.Mail");
    private static readonly Counter<long> Sent = Meter.CreateCounter<long>("mucgov.mail.sent", description: "Mails the SMTP server accepted");
    private static readonly Counter<long> Retried = Meter.CreateCounter<long>("mucgov.mail.retried", description: "Failed attempts that will be retried");
    private static readonly Counter<long> Failed = Meter.CreateCounter<long>("mucgov.mail.failed", description: "Mails given up (refused for good or out of attempts)");

    private DateTimeOffset nextCleanup;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var warned = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            try
            {
                if (string.IsNullOrWhiteSpace(options.CurrentValue.Host))
                {
                    if (!warned)
                    {
                        LogNoHost();
                        warned = true;
                    }
                }
                else
                {
                    sent = await SendBatchAsync(stoppingToken);
                }

                await CleanUpAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogRoundFailed(ex);
            }

            if (sent < options.CurrentValue.BatchSize)
            {
                try
                {
                    await Task.Delay(options.CurrentValue.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Sends one batch of due mails; returns how many the server accepted.</summary>
    public async Task<int> SendBatchAsync(CancellationToken ct)
    {
        var settings = options.CurrentValue;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var batch = await db.OutgoingMails
            .FromSql($"""
                SELECT * FROM outgoing_mails
                WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= {now}
                ORDER BY created_at, id
                LIMIT {settings.BatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(ct);
        if (batch.Count == 0)
        {
            await transaction.RollbackAsync(ct);
            return 0;
        }

        var sent = 0;
        using var smtp = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        try
        {
            await smtp.ConnectAsync(settings.Host, settings.Port, settings.Security, ct);
            if (!string.IsNullOrEmpty(settings.Username))
            {
                await smtp.AuthenticateAsync(settings.Username, settings.Password ?? "", ct);
            }

            foreach (var mail in batch)
            {
                try
                {
                    await smtp.SendAsync(Message(mail, settings), ct);
                    mail.SentAt = clock.GetUtcNow();
                    mail.LastError = null;
                    sent++;
                }
                catch (ParseException ex)
                {
                    GiveUp(mail, $"Not an address: {ex.Message}");
                }
                catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
                {
                    // The server refused this mail for good (unknown mailbox, policy): retrying would not help.
                    GiveUp(mail, ex.Message);
                }
                catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or IOException or ServiceNotConnectedException or TimeoutException)
                {
                    Retry(mail, ex.Message, settings);
                    break;
                }
            }
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // The server is away, or refused the connection or our login: every mail of the round waits for the next try.
            foreach (var mail in batch.Where(m => m.SentAt is null && m.FailedAt is null))
            {
                Retry(mail, ex.Message, settings);
            }
        }
        finally
        {
            if (smtp.IsConnected)
            {
                await smtp.DisconnectAsync(quit: true, CancellationToken.None);
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        Sent.Add(sent);
        return sent;
    }

    /// <summary>The MIME message of a mail: plain text and HTML, the unsubscribe headers for notifications, a stable Message-ID.</summary>
    public static MimeMessage Message(OutgoingMail mail, MailOptions settings)
    {
        var message = new MimeMessage { Subject = mail.Subject, MessageId = $"{mail.Id:N}@mucgov", Date = mail.CreatedAt };
        message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        if (mail.UnsubscribeUrl is not null)
        {
            message.Headers.Add("List-Unsubscribe", $"<{mail.UnsubscribeUrl}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        message.Body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody();
        return message;
    }

    private void Retry(OutgoingMail mail, string error, MailOptions settings)
    {
        mail.Attempts++;
        mail.LastError = Truncate(error);
        if (mail.Attempts >= settings.MaxAttempts)
        {
            GiveUp(mail, error);
            return;
        }

        mail.NextAttemptAt = clock.GetUtcNow() + OutboxDispatcher<AccountDbContext>.RetryDelay(mail.Attempts, settings.MaxRetryDelay);
        Retried.Add(1);
        LogRetry(mail.Id, mail.Kind, mail.Attempts, mail.NextAttemptAt, error);
    }

    private void GiveUp(OutgoingMail mail, string error)
    {
        mail.FailedAt = clock.GetUtcNow();
        mail.LastError = Truncate(error);
        Failed.Add(1);
        LogFailed(mail.Id, mail.Kind, mail.Attempts, error);
    }

    private async Task CleanUpAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (now < nextCleanup)
        {
            return;
        }

        nextCleanup = now + TimeSpan.FromHours(1);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountDbContext>();
        var before = now - options.CurrentValue.SentRetention;
        await db.OutgoingMails.Where(m => (m.SentAt != null && m.SentAt < before) || (m.FailedAt != null && m.FailedAt < before)).ExecuteDeleteAsync(ct);
    }

    private static string Truncate(string value) => value.Length <= 2000 ? value : value[..2000];

    [LoggerMessage(LogLevel.Warning, "Mail {MailId} ({Kind}) not sent, attempt {Attempts}; next try at {NextAttemptAt}: {Reason}")]
    private partial void LogRetry(Guid mailId, string kind, int attempts, DateTimeOffset nextAttemptAt, string reason);

    [LoggerMessage(LogLevel.Error, "Mail {MailId} ({Kind}) failed for good after {Attempts} attempt(s): {Reason}")]
    private partial void LogFailed(Guid mailId, string kind, int attempts, string reason);

    [LoggerMessage(LogLevel.Warning, "No SMTP host configured (Mail:Host): mails stay queued until one is")]
    private partial void LogNoHost();

    [LoggerMessage(LogLevel.Warning, "Mail round failed; retrying at the next poll")]
    private partial void LogRoundFailed(Exception exception);
}
