using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MucGov.Identity.Data;
using MucGov.Identity.Mail;

namespace MucGov.Identity.Pages.Account;

/// <summary>
/// The unsubscribe link of a notification mail. The page asks before it switches notifications off; a mail program's
/// one-click unsubscribe (RFC 8058: a POST of <c>List-Unsubscribe=One-Click</c> to the same address) switches them off
/// directly. The signed token is the authority, so the POST carries no antiforgery token.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(AccountDbContext db, UnsubscribeLinks links) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public bool Valid { get; private set; }

    public bool Done { get; private set; }

    public void OnGet() => Valid = links.Read(Token) is not null;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (links.Read(Token) is not { } accountId)
        {
            return Page();
        }

        Valid = true;
        await db.Users.Where(a => a.Id == accountId).ExecuteUpdateAsync(a => a.SetProperty(x => x.NotifyByEmail, false), ct);
        Done = true;
        return Page();
    }
}
