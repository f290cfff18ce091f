using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace MucGov.Conversation.Texts;

/// <summary>
/// Office words of the languages the bot recognises but does not speak, as English search words: one file per language
/// in <c>Texts/Glossary/</c>, built into the assembly. A key is one or more stems ("osobn iskaznic"); it matches when
/// each stem begins consecutive words of the message (a key of one short stem: is the word). The bot answers those languages with the English content, so it
/// looks for the English words of what the citizen wrote ("izgubio sam putovnicu" → "lost passport").
/// </summary>
public sealed class Glossary
{
    private readonly FrozenDictionary<string, Entry[]> languages;

    private Glossary(FrozenDictionary<string, Entry[]> languages) => this.languages = languages;

    /// <summary>The shipped glossaries.</summary>
    public static Glossary Shipped { get; } = Load();

    /// <summary>The languages with a glossary.</summary>
    public IReadOnlyCollection<string> Languages => languages.Keys;

    /// <summary>The stems → English words of one language (empty without a glossary).</summary>
    public IReadOnlyList<(string Stems, string English)> TermsOf(string language) =>
        languages.TryGetValue(language, out var entries) ? [.. entries.Select(e => (string.Join(' ', e.Stems), e.English))] : [];

    /// <summary>
    /// The English words of the office words in <paramref name="text"/>, in the message's order (longest key first
    /// where keys overlap; each word counts once), or null when the language has no glossary or no word matched.
    /// </summary>
    public string? ToEnglish(string language, string text)
    {
        if (!languages.TryGetValue(language, out var entries))
        {
            return null;
        }

        var words = Words(text);
        var found = new List<string>();
        for (var i = 0; i < words.Length;)
        {
            var match = entries.FirstOrDefault(e => Matches(e.Stems, words, i));
            if (match is null)
            {
                i++;
                continue;
            }

            if (!found.Contains(match.English, StringComparer.Ordinal))
            {
                found.Add(match.English);
            }

            i += match.Stems.Length;
        }

        return found.Count == 0 ? null : string.Join(' ', found);
    }

    /// <summary>A key of one stem shorter than this matches only the very word ("pas", dog, is not "pasta").</summary>
    public const int ShortStem = 4;

    private static bool Matches(string[] stems, string[] words, int at)
    {
        if (at + stems.Length > words.Length)
        {
            return false;
        }

        // In a key of several stems the others give the context ("za" in "putovnic za dijet").
        if (stems.Length == 1 && stems[0].Length < ShortStem)
        {
            return words[at] == stems[0];
        }

        for (var k = 0; k < stems.Length; k++)
        {
            if (!words[at + k].StartsWith(stems[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The lower-cased words of a text: runs of letters, marks and digits (a zero-width non-joiner splits, as in Farsi; Arabic yeh and kaf read as Persian).</summary>
    public static string[] Words(string text)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        foreach (var c in text.ToLowerInvariant().Append(' ').Select(Persian))
        {
            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        return [.. words];
    }

    // Farsi typed on an Arabic keyboard: its yeh and kaf as the Persian letters the glossary is written in.
    private static char Persian(char c) => c switch
    {
        '\u064A' => '\u06CC',
        '\u0643' => '\u06A9',
        _ => c,
    };

    private static Glossary Load() => new(EmbeddedLanguageFiles.Load("Glossary.", Parse));

    /// <summary>A glossary file: <c>{ "terms": { "stems": "english words" } }</c>; longer keys are tried first.</summary>
    public static Entry[] Parse(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("terms").EnumerateObject()
            .Select(p => new Entry(Words(p.Name), p.Value.GetString() ?? ""))
            .Where(e => e.Stems.Length > 0 && e.English.Length > 0)
            .OrderByDescending(e => e.Stems.Length)
            .ThenByDescending(e => e.Stems.Sum(s => s.Length))];
    }

    /// <summary>One key: its stems and the English words it stands for.</summary>
    public sealed record Entry(string[] Stems, string English);
}
