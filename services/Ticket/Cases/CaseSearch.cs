using Microsoft.EntityFrameworkCore;
using MucGov.Contracts.Conversation;
using MucGov.Ticket.Data;

namespace MucGov.Ticket.Cases;

/// <summary>
/// The caseworkers' search (<c>GET /api/queue?q=</c>): what it looks through and how it matches. A case keeps the text
/// of its own parts in one column (<see cref="Case.SearchText"/>) and its messages are searched where they are, each
/// with a trigram index, so a search reads the matching rows rather than every case's JSON.
/// </summary>
public static class CaseSearch
{
    /// <summary>
    /// The case's searchable text, one line per part: the reference, the citizen's given and family name together, every
    /// value of the citizen snapshot (by field name), every transcript text and every form value (each in order).
    /// </summary>
    /// <remarks>
    /// The migration that added the column fills it for existing cases with the same composition in SQL
    /// (<c>CaseSearchText</c>); a change here needs a migration that fills it again. Missing values (JSON nulls) are
    /// left out, as PostgreSQL's <c>string_agg</c> and <c>concat_ws</c> leave them out.
    /// </remarks>
    public static string TextOf(string reference, IReadOnlyDictionary<string, string> citizen, IEnumerable<TranscriptEntry> transcript, IEnumerable<FormValue>? form)
    {
        string?[] name = [citizen.GetValueOrDefault("givenName"), citizen.GetValueOrDefault("familyName")];
        string?[] parts =
        [
            reference,
            string.Join(' ', name.OfType<string>()),
            .. citizen.OrderBy(field => field.Key, StringComparer.Ordinal).Select(field => field.Value),
            .. transcript.Select(entry => entry.Text),
            .. (form ?? []).Select(field => field.Value),
        ];
        return string.Join('\n', parts.OfType<string>());
    }

    /// <summary>
    /// Ids of cases whose search text or messages contain <paramref name="text"/>, case-insensitively; the text is taken
    /// literally (<c>%</c> and <c>_</c> are no wildcards). Both sides of the union can use their trigram index when the
    /// text has three characters or more; a shorter one reads everything (pg_trgm has no trigram to look up).
    /// </summary>
    /// <remarks>The parts of a case are separated by line breaks, so only a search text with a line break could match across two of them.</remarks>
    public static IQueryable<Guid> Matching(TicketDbContext db, string text)
    {
        var pattern = "%" + text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal) + "%";
        return db.Database.SqlQuery<Guid>($"""
            SELECT id AS "Value" FROM cases WHERE search_text ILIKE {pattern}
            UNION
            SELECT case_id FROM case_messages WHERE text ILIKE {pattern}
            """);
    }
}
