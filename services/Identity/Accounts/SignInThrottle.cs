using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MucGov.Identity.Data;
using MucGov.Shared.Data;

namespace MucGov.Identity.Accounts;

/// <summary>Failed sign-ins under one key (an account from one address, an address, an account from anywhere).</summary>
public sealed class SignInAttempt
{
    public required string Key { get; init; }

    public int Failures { get; set; }

    public DateTimeOffset LastFailureAt { get; set; }

    /// <summary>No sign-in under this key is checked before then.</summary>
    public DateTimeOffset? WaitUntil { get; set; }
}

/// <summary>Settings of the <c>SignIn</c> section: how failed sign-ins slow down further attempts.</summary>
public sealed class SignInThrottleOptions
{
    public const string Section = "SignIn";

    /// <summary>Failures of one account from one address before each further one doubles the wait (<see cref="FirstWait"/>, twice that, …).</summary>
    [Range(1, 1_000_000)]
    public int FreeFailuresPerAccountAndAddress { get; set; } = 3;

    /// <summary>Failures from one address, whatever the accounts, before waits begin.</summary>
    [Range(1, 1_000_000)]
    public int FreeFailuresPerAddress { get; set; } = 20;

    /// <summary>Failures of one account from all addresses together before waits begin (a distributed guess).</summary>
    [Range(1, 1_000_000)]
    public int FreeFailuresPerAccount { get; set; } = 10;

    /// <summary>The wait after the first failure past the free ones; each further failure doubles it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan FirstWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait for an account from one address, and for an address.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The longest wait for an account from all addresses together: short, since anyone can cause it, and the owner
    /// signing in from their own address must never be locked out by others.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MaxAccountWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Failures older than this are forgotten.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Slows sign-in guessing down progressively instead of locking accounts: failures are counted per account and
/// address, per address, and per account; past a few free ones, each further failure doubles the wait before the
/// next attempt under that key is checked, up to a cap. Nobody can lock an account: the owner's own address is only
/// ever slowed by the short per-account cap. Known and unknown accounts are counted and answered alike.
/// </summary>
public sealed class SignInThrottle(AccountDbContext db, IOptions<SignInThrottleOptions> options, TimeProvider clock)
{
    /// <summary>How long <paramref name="username"/> from <paramref name="address"/> must still wait; zero when it may try now.</summary>
    public async Task<TimeSpan> WaitAsync(string username, IPAddress? address, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var keys = Keys(username, address).Select(k => k.Key).ToList();
        var until = await db.SignInAttempts.AsNoTracking().Where(a => keys.Contains(a.Key) && a.WaitUntil > now).MaxAsync(a => a.WaitUntil, ct);
        return until is { } wait ? wait - now : TimeSpan.Zero;
    }

    /// <summary>Counts a failed sign-in of <paramref name="username"/> (known or not) from <paramref name="address"/>.</summary>
    public async Task FailedAsync(string username, IPAddress? address, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await ForgetOldAsync(now, ct);
        foreach (var (key, free, cap) in Keys(username, address))
        {
            // One statement per key: racing failures each count.
            await db.ScalarAsync<int>(
                """
                INSERT INTO sign_in_attempts AS a (key, failures, last_failure_at, wait_until) VALUES (@key, 1, @now, NULL)
                ON CONFLICT (key) DO UPDATE SET
                  failures = CASE WHEN a.last_failure_at < @forgetBefore THEN 1 ELSE a.failures + 1 END,
                  last_failure_at = @now,
                  wait_until = CASE WHEN a.last_failure_at < @forgetBefore OR a.failures + 1 <= @free THEN NULL
                    ELSE @now + make_interval(secs => LEAST(@cap, @first * power(2, LEAST(a.failures + 1 - @free - 1, 30)))) END
                RETURNING failures
                """,
                ct, ("key", key), ("now", now), ("forgetBefore", now - options.Value.Window), ("free", free), ("cap", cap.TotalSeconds), ("first",
                    options.Value.FirstWait.TotalSeconds));
        }
    }

    /// <summary>Forgets up to 100 keys whose failures are past the window (each failure does a little of this, so the table stays small).</summary>
    private Task ForgetOldAsync(DateTimeOffset now, CancellationToken ct) => db.Database.ExecuteSqlAsync(
        $"""
        DELETE FROM sign_in_attempts WHERE key IN (
            SELECT key FROM sign_in_attempts WHERE last_failure_at < {now - options.Value.Window} AND (wait_until IS NULL OR wait_until < {now}) LIMIT 100)
        """,
        ct);

    /// <summary>A successful sign-in forgets the failures of this account from this address.</summary>
    public Task SucceededAsync(string username, IPAddress? address, CancellationToken ct)
    {
        var key = Keys(username, address)[0].Key;
        return db.SignInAttempts.Where(a => a.Key == key).ExecuteDeleteAsync(ct);
    }

    private List<(string Key, int Free, TimeSpan Cap)> Keys(string username, IPAddress? address)
    {
        var user = username.Trim().ToUpperInvariant();
        var from = address?.ToString() ?? "unknown";
        var settings = options.Value;
        return
        [
            ($"pair:{from}:{user}", settings.FreeFailuresPerAccountAndAddress, settings.MaxWait),
            ($"address:{from}", settings.FreeFailuresPerAddress, settings.MaxWait),
            ($"account:{user}", settings.FreeFailuresPerAccount, settings.MaxAccountWait),
        ];
    }
}

/// <summary>Accounts are never locked by failed sign-ins (anyone could lock anyone); <see cref="SignInThrottle"/> slows guessing instead.</summary>
public sealed class AccountManager(
    Microsoft.AspNetCore.Identity.IUserStore<Account> store,
    IOptions<Microsoft.AspNetCore.Identity.IdentityOptions> optionsAccessor,
    Microsoft.AspNetCore.Identity.IPasswordHasher<Account> passwordHasher,
    IEnumerable<Microsoft.AspNetCore.Identity.IUserValidator<Account>> userValidators,
    IEnumerable<Microsoft.AspNetCore.Identity.IPasswordValidator<Account>> passwordValidators,
    Microsoft.AspNetCore.Identity.ILookupNormalizer keyNormalizer,
    Microsoft.AspNetCore.Identity.IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<Microsoft.AspNetCore.Identity.UserManager<Account>> logger)
    : Microsoft.AspNetCore.Identity.UserManager<Account>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override bool SupportsUserLockout => false;
}
