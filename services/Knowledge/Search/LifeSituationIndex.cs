using MucGov.Contracts.Knowledge;
using MucGov.Knowledge.Catalog;

namespace MucGov.Knowledge.Search;

/// <summary>
/// Life situations matching a citizen's words. Each query word counts with its best match among an entry's title and
/// synonym words: the very word, a word of the same stem (shared beginning), a typo (<see cref="QueryText.IsTypo"/>), or
/// a word inside a compound ("ziehen" in "umziehen"). Words that many life situations share count less.
/// </summary>
public static class LifeSituationIndex
{
    /// <summary>An entry with its terms.</summary>
    public sealed record Indexed(LifeSituationEntry Entry, IReadOnlySet<string> Terms);

    /// <summary>A ranked entry.</summary>
    public sealed record Ranked(LifeSituationEntry Entry, double Score, double Confidence);

    /// <summary>The terms of each entry: the words of its titles and synonyms.</summary>
    public static IReadOnlyList<Indexed> Index(IEnumerable<LifeSituationEntry> entries) =>
        [.. entries.Select(e => new Indexed(e, QueryText.Terms([.. e.Title.Values, .. e.Synonyms.All])))];

    /// <summary>Entries with any evidence, best first, with a confidence of 0..1 (discounted when the next is close).</summary>
    public static IReadOnlyList<Ranked> Rank(IReadOnlyList<Indexed> entries, IReadOnlyList<string> words)
    {
        if (entries.Count == 0)
        {
            return [];
        }

        // A word's weight: rarer among the life situations, stronger evidence. Counted once per term and question, and
        // only for terms that match at all (a term that does not match adds nothing whatever its weight).
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        double Weight(string term)
        {
            if (!weights.TryGetValue(term, out var weight))
            {
                weight = Math.Log(1 + ((double)entries.Count / Math.Max(1, entries.Count(e => e.Terms.Contains(term)))));
                weights[term] = weight;
            }

            return weight;
        }

        double Evidence(string word, string term)
        {
            var match = Match(word, term);
            return match == 0 ? 0 : match * Weight(term);
        }

        var groups = words.GroupBy(QueryText.Fold).ToList();
        var scored = entries.Select(e =>
        {
            // A word and its umlaut-folded spelling count once.
            var score = groups.Sum(variants => variants.Max(word => e.Terms.Max(term => Evidence(word, term))));
            return (Entry: e.Entry, Score: score);
        }).Where(s => s.Score > 0).OrderByDescending(s => s.Score).ThenBy(s => s.Entry.Id, StringComparer.Ordinal).ToList();
        var ranked = new List<Ranked>();
        var previous = 1.0;
        for (var i = 0; i < scored.Count; i++)
        {
            var (entry, score) = scored[i];
            var lead = (score - (i + 1 < scored.Count ? scored[i + 1].Score : 0)) / score;
            previous = Math.Min(previous, Math.Round((1 - Math.Exp(-score / 2.5)) * (0.6 + (0.4 * lead)) * (score / scored[0].Score), 3));
            ranked.Add(new Ranked(entry, score, previous));
        }

        return ranked;
    }

    /// <summary>The hits for a question's words, best first.</summary>
    public static IEnumerable<SearchHit> Hits(IReadOnlyList<Indexed> entries, IReadOnlyList<string> words, string language) =>
        Rank(entries, words).Select(r => new SearchHit(r.Entry.Id, r.Entry.Title.In(language), r.Entry.Summary.In(language), "", r.Confidence, HitKinds.LifeSituation));

    /// <summary>How well a query word matches a term: 1 the very word, 0.8 the same stem, 0.7 a typo, 0.6 part of a compound, else 0.</summary>
    public static double Match(string word, string term)
    {
        if (word == term)
        {
            return 1;
        }

        if (QueryText.SameStem(word, term, 5))
        {
            return 0.8;
        }

        // A Cyrillic word inflects at its end more than a shared beginning up to the last two letters allows ("приїхали", "приїхав").
        if (QueryText.PrefixQuery(word) is [.., ':', '*'] stem && stem == QueryText.PrefixQuery(term))
        {
            return 0.8;
        }

        if (QueryText.IsTypo(word, term))
        {
            return 0.7;
        }

        if (Math.Min(word.Length, term.Length) >= 5 && (term.EndsWith(word, StringComparison.Ordinal) || word.EndsWith(term, StringComparison.Ordinal)))
        {
            return 0.6;
        }

        return 0;
    }
}
