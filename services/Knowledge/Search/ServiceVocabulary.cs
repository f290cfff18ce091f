using MucGov.Knowledge.Catalog;

namespace MucGov.Knowledge.Search;

/// <summary>
/// The words of the services' titles and synonyms, in memory, for two things the full-text search cannot do:
/// <list type="bullet">
/// <item>reading a word the catalog does not know as one it does — a typo ("Wohngled", "Gewerbeanmledung"), a word as
/// Bavarians type it ("abmeldn", "vaschrottn"), or a compound of a known word ("Reisepassverlängerung");</item>
/// <item>telling which services have a whole phrase of the question among their titles and synonyms ("residence permit",
/// "Auto abmelden"): stronger evidence than the same words scattered over several services.</item>
/// </list>
/// </summary>
public sealed class ServiceVocabulary
{
    /// <summary>A title or synonym of a service as its words (folded, fillers dropped).</summary>
    public sealed record Phrase(string ServiceId, IReadOnlyList<string> Words);

    /// <summary>Words from this length on are read as typos of a known word.</summary>
    public const int TypoLength = 8;

    private readonly HashSet<string> words;
    private readonly Dictionary<char, List<string>> byInitial;

    public ServiceVocabulary(IReadOnlyList<Phrase> phrases)
    {
        // A phrase that another service's title or synonym contains whole ("parking permit" in "disabled parking permit")
        // does not tell the two apart: it counts for neither.
        Phrases = [.. phrases.Where(p => p.Words.Count >= 2
            && !phrases.Any(o => o.ServiceId != p.ServiceId && p.Words.All(o.Words.Contains)))];
        words = new HashSet<string>(phrases.SelectMany(p => p.Words).Where(w => w.Length >= 4), StringComparer.Ordinal);
        byInitial = words.GroupBy(w => w[0]).ToDictionary(g => g.Key, g => g.ToList());
    }

    /// <summary>The titles and synonyms of two words or more that only one service has.</summary>
    public IReadOnlyList<Phrase> Phrases { get; }

    /// <summary>The vocabulary of these services' titles (in every language) and their synonyms.</summary>
    public static ServiceVocabulary Of(IEnumerable<ServiceEntry> services) =>
        new([.. services.SelectMany(s => s.Title.Values.Concat(s.Synonyms.All).Select(text => new Phrase(s.Id, QueryText.Content(text))))
            .Where(p => p.Words.Count > 0)]);

    /// <summary>
    /// The question's words with, for each word the catalog does not know, the known word it stands for (a typo, a
    /// dialect spelling) or the known parts of it (a compound).
    /// </summary>
    public IReadOnlyList<string> Expand(IReadOnlyList<string> query)
    {
        var expanded = new List<string>(query);
        foreach (var word in query)
        {
            if (word.Length < 5 || words.Contains(word))
            {
                continue;
            }

            foreach (var known in Read(word))
            {
                if (!expanded.Contains(known))
                {
                    expanded.Add(known);
                }
            }
        }

        return expanded;
    }

    /// <summary>
    /// Per service, the number of words of its longest distinctive title or synonym (<see cref="Phrases"/>) whose words all
    /// occur in the question — the same word or the same stem.
    /// </summary>
    public IReadOnlyDictionary<string, int> PhraseMatches(IReadOnlyList<string> query)
    {
        var matches = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var phrase in Phrases)
        {
            if (phrase.Words.Count > matches.GetValueOrDefault(phrase.ServiceId)
                && phrase.Words.All(p => query.Any(w => Same(w, p))))
            {
                matches[phrase.ServiceId] = phrase.Words.Count;
            }
        }

        return matches;
    }

    /// <summary>
    /// The same word or the same stem (a shared beginning of all but two letters); typos are already read as the word
    /// meant, and a typo here would make "abmelden" the same as "anmelden".
    /// </summary>
    public static bool Same(string word, string term) => word == term || QueryText.SameStem(word, term, 4);

    private IEnumerable<string> Read(string word)
    {
        // A dialect spelling: "-dn"/"-tn" for "-den"/"-ten", "va-" for "ver-".
        foreach (var spelling in Spellings(word))
        {
            if (words.Contains(spelling))
            {
                return [spelling];
            }
        }

        // Only long words are read as typos: a short one is too often an everyday word the catalog happens not to hold
        // ("angeben" is not a typo of "abgeben").
        var typos = word.Length < TypoLength ? [] : Spellings(word).SelectMany(Typos).Distinct().ToList();
        if (typos.Count > 0)
        {
            return typos;
        }

        return Parts(word);
    }

    private static IEnumerable<string> Spellings(string word)
    {
        yield return word;
        var ending = word.Length >= 5 && word[^1] == 'n' && !"aeiouäöü".Contains(word[^2]) && word[^2] != 'n' ? word[..^1] + "en" : null;
        if (ending is not null)
        {
            yield return ending;
        }

        if (word.StartsWith("va", StringComparison.Ordinal) && word.Length >= 6)
        {
            yield return "ver" + word[2..];
            if (ending is not null)
            {
                yield return "ver" + ending[2..];
            }
        }
    }

    /// <summary>Known words one typo away (two for long words), the closest ones.</summary>
    private IEnumerable<string> Typos(string word)
    {
        if (!byInitial.TryGetValue(word[0], out var candidates))
        {
            return [];
        }

        var found = candidates.Where(t => Math.Abs(t.Length - word.Length) <= 2 && QueryText.IsTypo(word, t))
            .Select(t => (Term: t, Distance: QueryText.Distance(word, t))).ToList();
        return found.Count == 0 ? [] : found.Where(f => f.Distance == found.Min(m => m.Distance)).Select(f => f.Term);
    }

    /// <summary>A compound's known parts: the longest known beginning (and the rest), or else the longest known end.</summary>
    private IEnumerable<string> Parts(string word)
    {
        for (var cut = word.Length - 4; cut >= 4; cut--)
        {
            var head = word[..cut];
            if (words.Contains(head))
            {
                var tail = word[cut..];
                return tail.StartsWith('s') && tail.Length > 4 && !words.Contains(tail) ? [head, tail[1..]] : [head, tail];
            }
        }

        for (var cut = 3; cut <= word.Length - 5; cut++)
        {
            var tail = word[cut..];
            if (words.Contains(tail))
            {
                return [tail];
            }
        }

        return [];
    }
}
