using MucGov.Contracts.Conversation;

namespace MucGov.Ticket.Cases;

/// <summary>
/// The caseworkers' search (<c>GET /api/queue?q=</c>): what it looks through. A case keeps the text of its own parts in
/// one column (<see cref="Case.SearchText"/>) with a trigram index, as its messages' text has one.
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
}
