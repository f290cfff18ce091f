using Microsoft.Extensions.Options;
using MucGov.Identity.Accounts;
using MucGov.Identity.Data;
using MucGov.Identity.Mail;
using MucGov.Shared.Data;

namespace MucGov.Identity.Postfach;

/// <summary>
/// The rules of the "new message in your Postfach" mail: only to a verified address of a citizen who did not switch
/// notifications off, and at most one per case within <see cref="MailOptions.NotificationInterval"/> (every replica
/// agrees through a transaction-scoped lock on the case).
/// </summary>
public sealed class PostfachNotifications(AccountDbContext db, Mails mails, IOptions<MailOptions> options)
{
    /// <summary>Queues the notice for <paramref name="message"/> if the rules allow; returns whether it did. Runs inside the caller's transaction.</summary>
    public async Task<bool> ArrivedAsync(Account account, PostfachMessage message, CancellationToken ct)
    {
        if (!account.NotifyByEmail || !account.EmailConfirmed || string.IsNullOrEmpty(account.Email))
        {
            return false;
        }

        var key = $"postfach:{message.CaseId ?? message.DocumentId ?? message.Id}";
        await db.LockAsync(key, ct);
        if (await mails.SentWithinAsync(m => m.AccountId == account.Id && m.ThrottleKey == key, options.Value.NotificationInterval, ct))
        {
            return false;
        }

        mails.PostfachNotice(account, message.DepartmentName ?? message.DepartmentId, key);
        return true;
    }
}
