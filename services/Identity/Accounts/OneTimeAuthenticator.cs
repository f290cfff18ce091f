using System.Globalization;
using Microsoft.AspNetCore.Identity;
using MucGov.Shared.Clients;

namespace MucGov.Identity.Accounts;

/// <summary>
/// Staff sign-in's second factor (RFC 6238, what the authenticator app shows). A code counts in its own 30-second
/// step or the one before or after (clocks drift), and only once: the step of the last accepted code is kept with the
/// account, so a code read over a shoulder or from a log, or sent twice, does not sign anyone in again.
/// </summary>
public sealed class OneTimeAuthenticator(TimeProvider clock) : IUserTwoFactorTokenProvider<Account>
{
    /// <summary>The provider's name in the Identity options.</summary>
    public const string Name = "mucgov-totp";

    private const string TokenProvider = "MucGov";
    private const string LastStepToken = "LastTotpStep";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<Account> manager, Account user) =>
        !string.IsNullOrEmpty(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>Codes come from the staff member's app, never from us.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<Account> manager, Account user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<Account> manager, Account user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token.Length != 6 || !token.All(char.IsAsciiDigit))
        {
            return false;
        }

        var now = clock.GetUtcNow().ToUnixTimeSeconds() / 30;
        var last = long.TryParse(await manager.GetAuthenticationTokenAsync(user, TokenProvider, LastStepToken), CultureInfo.InvariantCulture, out var step) ? step : long.MinValue;
        for (var candidate = now - 1; candidate <= now + 1; candidate++)
        {
            if (candidate > last && Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(candidate * 30)) == token)
            {
                // Stored with the account's concurrency stamp: of two sign-ins racing with one code, one fails here.
                var stored = await manager.SetAuthenticationTokenAsync(user, TokenProvider, LastStepToken, candidate.ToString(CultureInfo.InvariantCulture));
                return stored.Succeeded;
            }
        }

        return false;
    }
}
