using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MucGov.Identity.Data;
using MucGov.Identity.Postfach;

namespace MucGov.Identity.Pages.Account;

/// <summary>
/// The Postfach in the account area: the list, newest first, unread ones marked; one message opened (which marks it
/// read); deleting the citizen's copy. Only the signed-in citizen's own messages.
/// </summary>
[Authorize(AuthenticationSchemes = "Identity.Application")]
public sealed class PostfachModel(UserManager<Accounts.Account> users, AccountDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<PostfachMessage> Messages { get; private set; } = [];

    public PostfachMessage? Opened { get; private set; }

    public bool Deleted { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return RedirectToPage("/Account/Login");
        }

        if (id is { } wanted)
        {
            Opened = await db.PostfachMessages.SingleOrDefaultAsync(m => m.Id == wanted && m.AccountId == account.Id, ct);
            if (Opened is null)
            {
                return NotFound();
            }

            Opened.MarkRead(clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return Page();
        }

        Messages = await db.PostfachMessages.AsNoTracking().Where(m => m.AccountId == account.Id)
            .OrderByDescending(m => m.ReceivedAt).ThenByDescending(m => m.Id).Take(200).ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return RedirectToPage("/Account/Login");
        }

        Deleted = await db.PostfachMessages.Where(m => m.Id == id && m.AccountId == account.Id).ExecuteDeleteAsync(ct) > 0;
        return Deleted ? await OnGetAsync(null, ct) : NotFound();
    }
}
