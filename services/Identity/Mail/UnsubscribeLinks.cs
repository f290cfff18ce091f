using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace MucGov.Identity.Mail;

/// <summary>
/// The signed token of a one-click unsubscribe link: it names the account and is protected with the service's Data
/// Protection keys (shared by every replica), so nobody can forge one for another account.
/// </summary>
public sealed class UnsubscribeLinks(IDataProtectionProvider protection)
{
    private readonly IDataProtector protector = protection.CreateProtector("MucGov.Identity.Mail.Unsubscribe.v1");

    /// <summary>The token for <paramref name="accountId"/>.</summary>
    public string For(Guid accountId) => protector.Protect(accountId.ToString("N"));

    /// <summary>The account a token names, or null when it is not one of ours.</summary>
    public Guid? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return null;
        }

        try
        {
            return Guid.TryParseExact(protector.Unprotect(token), "N", out var id) ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
