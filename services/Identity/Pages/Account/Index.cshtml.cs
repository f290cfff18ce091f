using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MucGov.Identity.Accounts;
using MucGov.Identity.Data;
using MucGov.Identity.Oidc;
using MucGov.Shared.Auth;

namespace MucGov.Identity.Pages.Account;

[Authorize(AuthenticationSchemes = "Identity.Application")]
public sealed class IndexModel(UserManager<Accounts.Account> users, IOptions<OidcOptions> oidc, AccountDbContext db, TimeProvider clock) : PageModel
{
    public string Name { get; private set; } = "";
    public string? Email { get; private set; }
    public bool EmailVerified { get; private set; }
    public string? PendingEmail { get; private set; }
    public bool IsCitizen { get; private set; }
    public int Unread { get; private set; }
    public bool Saved { get; private set; }
    public bool ManagesStaff { get; private set; }

    [BindProperty]
    public bool NotifyByEmail { get; set; }

    /// <summary>For supervisors: their departments and whether each one's caseworkers get mails.</summary>
    public IReadOnlyList<(string DepartmentId, bool On)> SupervisedDepartments { get; private set; } = [];

    /// <summary>The departments ticked in the supervisor's form.</summary>
    [BindProperty]
    public List<string> MailDepartments { get; set; } = [];
    public string TrustLevel { get; private set; } = "";
    public bool CanVerify { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool Verified { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return RedirectToPage("/Account/Login");
        }

        await ShowAsync(account);
        return Page();
    }

    /// <summary>The notification setting (the checkbox is absent from the form when unticked).</summary>
    public async Task<IActionResult> OnPostNotificationsAsync()
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return RedirectToPage("/Account/Login");
        }

        account.NotifyByEmail = NotifyByEmail;
        await users.UpdateAsync(account);
        Saved = true;
        await ShowAsync(account);
        return Page();
    }

    /// <summary>A supervisor switches the caseworker mails of each of their departments (the change is recorded with who and when).</summary>
    public async Task<IActionResult> OnPostDepartmentsAsync(CancellationToken ct)
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return RedirectToPage("/Account/Login");
        }

        if (!account.Roles.Contains(StaffRoles.Supervisor))
        {
            return Forbid();
        }

        var now = clock.GetUtcNow();
        foreach (var department in account.Departments)
        {
            var setting = await db.DepartmentSettings.FindAsync([department], ct);
            if (setting is null)
            {
                setting = new Staff.DepartmentSetting { DepartmentId = department };
                db.DepartmentSettings.Add(setting);
            }

            setting.CaseworkerMails = MailDepartments.Contains(department);
            setting.ChangedBy = account.Id.ToString();
            setting.ChangedAt = now;
        }

        await db.SaveChangesAsync(ct);
        Saved = true;
        await ShowAsync(account);
        return Page();
    }

    private async Task ShowAsync(Accounts.Account account)
    {
        if (account.Roles.Contains(StaffRoles.Supervisor))
        {
            var settings = await db.DepartmentSettings.AsNoTracking().Where(d => account.Departments.Contains(d.DepartmentId))
                .ToDictionaryAsync(d => d.DepartmentId, d => d.CaseworkerMails);
            SupervisedDepartments = [.. account.Departments.Select(d => (d, settings.GetValueOrDefault(d, true)))];
        }

        Name = account.Name;
        TrustLevel = account.TrustLevel;
        Email = account.Email;
        EmailVerified = account.EmailConfirmed;
        PendingEmail = account.PendingEmail;
        NotifyByEmail = account.NotifyByEmail;
        IsCitizen = account.Kind == AccountKind.Citizen;
        ManagesStaff = account.Roles.Contains(StaffRoles.Supervisor) || account.Roles.Contains(StaffRoles.Operator);
        Unread = await db.PostfachMessages.CountAsync(m => m.AccountId == account.Id && m.FirstReadAt == null);
        CanVerify = oidc.Value.SimulatedEid && account.Kind == AccountKind.Citizen && account.TrustLevel != TrustLevels.High;
    }
}
