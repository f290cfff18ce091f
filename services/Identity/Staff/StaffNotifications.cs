using Microsoft.EntityFrameworkCore;
using MucGov.Identity.Accounts;
using MucGov.Identity.Data;
using MucGov.Identity.Mail;
using MucGov.Shared.Auth;

namespace MucGov.Identity.Staff;

/// <summary>
/// Mails to caseworkers: a case transferred to their department, a case a supervisor assigned to them (never their own
/// claim), and the digest of breached deadlines. Only where their department's supervisors left the mails on, and only
/// to verified addresses of staff who did not switch notifications off.
/// </summary>
public sealed class StaffNotifications(AccountDbContext db, Mails mails)
{
    /// <summary>Whether the department's caseworkers get mails (on unless a supervisor switched them off).</summary>
    public async Task<bool> DepartmentWantsMailsAsync(string departmentId, CancellationToken ct) =>
        await db.DepartmentSettings.Where(d => d.DepartmentId == departmentId).Select(d => (bool?)d.CaseworkerMails).SingleOrDefaultAsync(ct) ?? true;

    /// <summary>The caseworkers of a department a mail may go to.</summary>
    public Task<List<Account>> CaseworkersAsync(string departmentId, CancellationToken ct) =>
        Reachable(db.Users.Where(a => a.Kind == AccountKind.Staff && a.Departments.Contains(departmentId) && a.Roles.Contains(StaffRoles.Caseworker)))
            .ToListAsync(ct);

    /// <summary>A case arrived in <paramref name="departmentId"/>'s queue from another department.</summary>
    public async Task TransferredAsync(string departmentId, string? departmentName, string reference, CancellationToken ct)
    {
        if (!await DepartmentWantsMailsAsync(departmentId, ct))
        {
            return;
        }

        foreach (var caseworker in await CaseworkersAsync(departmentId, ct))
        {
            var language = MailTexts.LanguageFor(caseworker.PreferredLanguage);
            var department = departmentName ?? departmentId;
            mails.StaffNotice(caseworker, MailKinds.CaseTransferred, language,
                MailTexts.T(language, "staff.transfer.subject", ("department", department), ("reference", reference)),
                [MailTexts.T(language, "staff.transfer.body", ("department", department), ("reference", reference))]);
        }
    }

    /// <summary>A supervisor gave a case to <paramref name="assigneeId"/>; nothing for a caseworker's own claim.</summary>
    public async Task AssignedAsync(string assigneeId, string? assignedBy, string departmentId, string reference, CancellationToken ct)
    {
        if (assignedBy is null || assignedBy == assigneeId || !Guid.TryParse(assigneeId, out var id) || !await DepartmentWantsMailsAsync(departmentId, ct))
        {
            return;
        }

        var caseworker = await Reachable(db.Users.Where(a => a.Id == id && a.Kind == AccountKind.Staff)).SingleOrDefaultAsync(ct);
        if (caseworker is null)
        {
            return;
        }

        var by = Guid.TryParse(assignedBy, out var byId) ? await db.Users.Where(a => a.Id == byId).Select(a => a.GivenName + " " + a.FamilyName).SingleOrDefaultAsync(ct) : null;
        var language = MailTexts.LanguageFor(caseworker.PreferredLanguage);
        mails.StaffNotice(caseworker, MailKinds.CaseAssigned, language, MailTexts.T(language, "staff.assigned.subject", ("reference", reference)),
            [MailTexts.T(language, "staff.assigned.body", ("reference", reference), ("by", by ?? MailTexts.T(language, "staff.supervisor")))]);
    }

    /// <summary>The digest of <paramref name="references"/>, whose deadlines passed in <paramref name="departmentId"/>, to its caseworkers.</summary>
    public async Task DigestAsync(string departmentId, IReadOnlyList<string> references, CancellationToken ct)
    {
        foreach (var caseworker in await CaseworkersAsync(departmentId, ct))
        {
            var language = MailTexts.LanguageFor(caseworker.PreferredLanguage);
            var count = references.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            mails.StaffNotice(caseworker, MailKinds.SlaDigest, language,
                MailTexts.T(language, "staff.digest.subject", ("department", departmentId), ("count", count)),
                [MailTexts.T(language, "staff.digest.body", ("department", departmentId)), .. references.Select(r => "– " + r)],
                throttleKey: DigestKey(departmentId));
        }
    }

    /// <summary>The throttle key of a department's digests.</summary>
    public static string DigestKey(string departmentId) => $"digest:{departmentId}";

    private static IQueryable<Account> Reachable(IQueryable<Account> staff) => staff.Where(a => a.EmailConfirmed && a.NotifyByEmail && a.Email != null);
}
