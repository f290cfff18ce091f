using MucGov.Shared.Calendar;
using MucGov.Shared.Data;
using MucGov.Ticket.Data;

namespace MucGov.Ticket.Cases;

/// <summary>Case reference numbers: <c>M-{year}-{number:000000}</c>, counted per Munich calendar year.</summary>
public static class References
{
    /// <summary>
    /// The next reference of the year of <paramref name="at"/>. The counter row is incremented in the caller's
    /// transaction, so a number is taken only when the case is stored, and concurrent cases wait on the row instead of
    /// sharing a number; the unique index on the reference guards the rest.
    /// </summary>
    public static async Task<string> NextAsync(TicketDbContext db, DateTimeOffset at, CancellationToken ct)
    {
        var year = MunichCalendar.ToLocal(at).Year;
        var number = await db.ScalarAsync<long>(
            "INSERT INTO reference_counters (year, last) VALUES (@year, 1) ON CONFLICT (year) DO UPDATE SET last = reference_counters.last + 1 RETURNING last",
            ct, ("year", year));
        return Format(year, number);
    }

    public static string Format(int year, long number) => $"M-{year}-{number:000000}";
}

/// <summary>The last reference number handed out in a year.</summary>
public sealed class ReferenceCounter
{
    public int Year { get; init; }

    public long Last { get; set; }
}
