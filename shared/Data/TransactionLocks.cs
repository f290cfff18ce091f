using Microsoft.EntityFrameworkCore;

namespace MucGov.Shared.Data;

/// <summary>
/// Named locks held until the context's current transaction ends (PostgreSQL advisory locks), so that every replica
/// agrees on "one at a time" for something that has no row of its own to lock (a case's notifications, a department's digest).
/// </summary>
public static class TransactionLocks
{
    /// <summary>Waits for the lock named <paramref name="key"/>.</summary>
    public static Task LockAsync(this DbContext db, string key, CancellationToken ct) =>
        db.ScalarAsync<object>("SELECT pg_advisory_xact_lock(hashtext(@key))", ct, ("key", key));

    /// <summary>Takes the lock named <paramref name="key"/> if nobody holds it; false when someone does.</summary>
    public static async Task<bool> TryLockAsync(this DbContext db, string key, CancellationToken ct) =>
        await db.ScalarAsync<bool>("SELECT pg_try_advisory_xact_lock(hashtext(@key))", ct, ("key", key));
}
