using System.Text.RegularExpressions;

namespace MucGov.Conversation.Bot;

/// <summary>
/// Tells German, English and Bavarian apart by their small, frequent words (a first cut; a statistical detector can
/// replace it behind the same method).
/// </summary>
public static partial class Language
{
    private static readonly HashSet<string> Bavarian = new(StringComparer.Ordinal)
    {
        "servus", "griaß", "griass", "grüß", "i", "hob", "kriag", "wia", "wos", "des", "ned", "mog", "neia", "neie", "oan", "oans", "mei", "mia", "ma",
        "kon", "muas", "brauchat", "pfiat", "vergelts", "dank", "scho", "jo", "gib's", "weida", "na", "redn", "an", "bua", "dirndl", "minga", "oamoi", "moi", "gell", "fei", "hoid", "gscheid",
    };

    private static readonly HashSet<string> English = new(StringComparer.Ordinal)
    {
        "the", "how", "what", "where", "when", "need", "my", "please", "hello", "hi", "thanks", "thank", "you", "can", "i'm", "get", "want", "to", "for", "yes", "no", "talk", "person",
        "is", "do", "a", "i", "lost", "new",
    };

    private static readonly HashSet<string> German = new(StringComparer.Ordinal)
    {
        "ich", "der", "die", "das", "und", "wie", "wo", "was", "brauche", "mein", "meinen", "einen", "neuen", "bitte", "danke", "hallo", "ist", "nicht", "kann", "muss",
    };

    /// <summary>Languages the bot answers in itself; for others it offers a caseworker who speaks them.</summary>
    public static readonly IReadOnlySet<string> Answered = new HashSet<string> { "de", "en", "bar" };

    private static readonly HashSet<string> Turkish = new(StringComparer.Ordinal)
    {
        "merhaba", "nasıl", "nerede", "nereye", "kimlik", "yardım", "istiyorum", "lütfen", "teşekkürler", "ben", "bir", "için", "ve", "mı", "mi", "evet", "hayır",
    };

    /// <summary>
    /// <c>de</c>, <c>en</c> or <c>bar</c> by their frequent words; <c>ar</c>, <c>uk</c>, <c>ru</c> by script and <c>tr</c> by its
    /// letters and words (the bot offers a caseworker for those); <paramref name="fallback"/> (the chat's language so
    /// far) when nothing speaks for any.
    /// </summary>
    public static string Detect(string text, string fallback = "de")
    {
        if (Arabic().IsMatch(text))
        {
            return "ar";
        }

        if (Cyrillic().IsMatch(text))
        {
            return Ukrainian().IsMatch(text) ? "uk" : "ru";
        }

        var words = Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToList();
        if (TurkishLetters().IsMatch(text) || words.Count(Turkish.Contains) >= 2)
        {
            return "tr";
        }

        var bar = words.Count(Bavarian.Contains) * 1.2;
        var en = words.Count(English.Contains);
        var de = words.Count(German.Contains);
        if (bar == 0 && en == 0 && de == 0)
        {
            return fallback;
        }

        if (bar > de && bar >= en && bar > 0)
        {
            return "bar";
        }

        return en > de && en > 0 ? "en" : "de";
    }

    [GeneratedRegex(@"[\u0600-\u06FF]")]
    private static partial Regex Arabic();

    [GeneratedRegex(@"[\u0400-\u04FF]")]
    private static partial Regex Cyrillic();

    [GeneratedRegex(@"[іїєґІЇЄҐ]")]
    private static partial Regex Ukrainian();

    [GeneratedRegex(@"[ğşıİĞŞ]")]
    private static partial Regex TurkishLetters();

    [GeneratedRegex(@"[\p{L}']+")]
    private static partial Regex Word();
}
