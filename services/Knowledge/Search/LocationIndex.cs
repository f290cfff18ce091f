using System.Text.RegularExpressions;
using MucGov.Contracts.Knowledge;
using MucGov.Knowledge.Catalog;

namespace MucGov.Knowledge.Search;

/// <summary>
/// Places named in a question by what people call them ("KVR", "Fundbiro", "Standesamt in der Ruppertstrase",
/// "Bürgerbüro Pasing"): a place counts when every word of one of its names or aliases is in the question, spelt
/// exactly, with umlauts written out, or with a typo (<see cref="QueryText.IsTypo"/>). The longest name matched wins;
/// places matched equally well are not told apart (low confidence).
/// </summary>
public static partial class LocationIndex
{
    private static readonly HashSet<string> Little = new(StringComparer.Ordinal) { "und", "der", "die", "das", "the", "and", "of", "für", "am", "an", "im", "in" };

    /// <summary>A place with the words of each of its names.</summary>
    public sealed record Indexed(LocationEntry Entry, IReadOnlyList<IReadOnlyList<string>> Names);

    /// <summary>A matched place: how many words its best name has, and the confidence.</summary>
    public sealed record Ranked(LocationEntry Entry, int Words, double Confidence);

    /// <summary>Each place with the words of its names (German, English) and aliases.</summary>
    public static IReadOnlyList<Indexed> Index(IEnumerable<LocationEntry> entries) =>
        [.. entries.Select(e => new Indexed(e, [.. e.Name.Values.Concat(e.Aliases ?? []).Distinct().Select(Words).Where(w => w.Count > 0)]))];

    /// <summary>Lower case, umlauts and ß written out, little words dropped.</summary>
    public static IReadOnlyList<string> Words(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : [.. WordPattern().Matches(text.ToLowerInvariant()).Select(m => QueryText.Fold(m.Value)).Where(w => !Little.Contains(w))];

    /// <summary>Places one of whose names the question holds completely, the most specific (longest name) first.</summary>
    public static IReadOnlyList<Ranked> Rank(IReadOnlyList<Indexed> entries, IReadOnlyList<string> words)
    {
        var matched = entries
            .Select(e => (e.Entry, Words: e.Names.Where(name => name.All(n => words.Any(w => Same(w, n)))).Select(name => name.Count).DefaultIfEmpty(0).Max()))
            .Where(m => m.Words > 0)
            .OrderByDescending(m => m.Words).ThenBy(m => m.Entry.Id, StringComparer.Ordinal)
            .ToList();
        return [.. matched.Select((m, i) =>
        {
            var tied = matched.Count(o => o.Words == m.Words) > 1;
            var best = i == 0 || m.Words == matched[0].Words;
            return new Ranked(m.Entry, m.Words, tied ? 0.4 : best ? 0.9 : 0.3);
        })];
    }

    /// <summary>The hits for a question's words, best first.</summary>
    public static IEnumerable<SearchHit> Hits(IReadOnlyList<Indexed> entries, IReadOnlyList<string> words, string language) =>
        Rank(entries, words).Select(r => new SearchHit(r.Entry.Id, r.Entry.Name.In(language), r.Entry.AddressLine, "", r.Confidence, HitKinds.Location));

    /// <summary>The same word, or a typo of it.</summary>
    public static bool Same(string word, string name) => word == name || QueryText.IsTypo(word, name);

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
