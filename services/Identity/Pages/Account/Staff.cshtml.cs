using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MucGov.Identity.Accounts;
using MucGov.Identity.Data;
using MucGov.Identity.Oidc;
using MucGov.Identity.Staff;
using MucGov.Shared.Auth;
using OpenIddict.Abstractions;

namespace MucGov.Identity.Pages.Account;

/// <summary>
/// Staff accounts for supervisors (the staff of their departments) and operators (all staff): resetting a lost
/// authenticator, with a reason, recorded in the staff audit. The staff member then sets up a new one within
/// <see cref="StaffAudit.EnrollmentWindow"/> after signing in with the password; every session and token of the account ends.
/// </summary>
[Authorize(AuthenticationSchemes = "Identity.Application")]
public sealed class StaffModel(
    UserManager<Accounts.Account> users, AccountDbContext db, IOpenIddictTokenManager tokens, IOpenIddictAuthorizationManager authorizations, TimeProvider clock)
    : PageModel
{
    public IReadOnlyList<Accounts.Account> Staff { get; private set; } = [];

    public IReadOnlyList<StaffAuditEntry> Audit { get; private set; } = [];

    public string? Done { get; private set; }

    public string? Error { get; private set; }

    [BindProperty]
    public Guid? TargetId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await ManagerAsync() is not { } me)
        {
            return Forbid();
        }

        await ShowAsync(me, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        if (await ManagerAsync() is not { } me)
        {
            return Forbid();
        }

        var target = TargetId is { } id && id != me.Id ? await Manageable(me).SingleOrDefaultAsync(a => a.Id == id, ct) : null;
        var reason = Reason?.Trim();
        if (target is null || string.IsNullOrEmpty(reason) || reason.Length > 500)
        {
            Error = Texts.T(target is null ? "staff.unknown" : "staff.reasonRequired");
            Response.StatusCode = target is null ? StatusCodes.Status404NotFound : StatusCodes.Status422UnprocessableEntity;
            await ShowAsync(me, ct);
            return Page();
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        target.TwoFactorEnabled = false;
        target.AuthenticatorResetAt = now;
        await users.ResetAuthenticatorKeyAsync(target); // a key nobody knows yet; also renews the security stamp
        db.StaffAudit.Add(new StaffAuditEntry
        {
            Id = Guid.CreateVersion7(now), At = now, Action = StaffAudit.AuthenticatorReset, ActorId = me.Id, ActorName = me.Name, TargetId = target.Id,
            TargetName = target.Name, Reason = reason,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await TokenRevocation.RevokeAllAsync(target.Id, tokens, authorizations, ct);
        Done = string.Format(System.Globalization.CultureInfo.InvariantCulture, Texts.T("staff.done"), target.Name);
        await ShowAsync(me, ct);
        return Page();
    }

    /// <summary>The signed-in supervisor or operator; null for anyone else.</summary>
    private async Task<Accounts.Account?> ManagerAsync() =>
        await users.GetUserAsync(User) is { Kind: AccountKind.Staff } me && (me.Roles.Contains(StaffRoles.Supervisor) || me.Roles.Contains(StaffRoles.Operator)) ? me : null;

    /// <summary>Operators manage every staff account, supervisors those sharing one of their departments.</summary>
    private IQueryable<Accounts.Account> Manageable(Accounts.Account me)
    {
        var staff = db.Users.Where(a => a.Kind == AccountKind.Staff && a.Id != me.Id);
        if (me.Roles.Contains(StaffRoles.Operator))
        {
            return staff;
        }

        var departments = me.Departments.ToArray();
        return staff.Where(a => a.Departments.Any(d => departments.Contains(d)));
    }

    private async Task ShowAsync(Accounts.Account me, CancellationToken ct)
    {
        Staff = await Manageable(me).AsNoTracking().OrderBy(a => a.FamilyName).ThenBy(a => a.GivenName).ToListAsync(ct);
        var ids = Staff.Select(a => a.Id).ToArray();
        Audit = await db.StaffAudit.AsNoTracking().Where(e => ids.Contains(e.TargetId)).OrderByDescending(e => e.At).Take(20).ToListAsync(ct);
    }
}
