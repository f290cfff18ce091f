using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MucGov.Identity.Accounts;

/// <summary>Password reset links: the default signed tokens, with a lifetime of their own (shorter than the address verification's).</summary>
public sealed class PasswordResetTokenProvider(
    IDataProtectionProvider protection, IOptions<PasswordResetTokenProviderOptions> options, ILogger<DataProtectorTokenProvider<Account>> logger)
    : DataProtectorTokenProvider<Account>(protection, options, logger)
{
    public const string ProviderName = "PasswordReset";
}

/// <summary>Settings of <see cref="PasswordResetTokenProvider"/> (set from <c>Mail:PasswordResetLinkLifetime</c>).</summary>
public sealed class PasswordResetTokenProviderOptions : DataProtectionTokenProviderOptions;
