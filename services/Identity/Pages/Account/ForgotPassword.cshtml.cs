using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MucGov.Identity.Data;
using MucGov.Identity.Mail;

namespace MucGov.Identity.Pages.Account;

/// <summary>
/// Asks for a password reset link. The answer is the same whether or not the address has an account (and for an
/// address that asked a moment ago), so the page tells nobody which addresses are registered.
/// </summary>
public sealed class ForgotPasswordModel(UserManager<Accounts.Account> users, AccountDbContext db, Mails mails, IOptions<MailOptions> options) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public string? Sent { get; private set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var email = Email?.Trim();
        if (string.IsNullOrEmpty(email) || email.Length > 254 || !new EmailAddressAttribute().IsValid(email))
        {
            Error = $"{Texts.T("register.email")}: {Texts.T("error.required")}";
            return Page();
        }

        var account = await users.FindByEmailAsync(email);
        if (account is not null && !await mails.SentLatelyAsync(account, MailKinds.PasswordReset, ct))
        {
            mails.PasswordReset(account, await users.GeneratePasswordResetTokenAsync(account));
            await db.SaveChangesAsync(ct);
        }

        Sent = string.Format(CultureInfo.InvariantCulture, Texts.T("forgot.sent"), (int)options.Value.PasswordResetLinkLifetime.TotalMinutes);
        return Page();
    }
}
