using System.Text.RegularExpressions;

namespace MucGov.Conversation.Bot;

/// <summary>
/// The language of a citizen's message: Bavarian by its lexicon of frequent dialect words, the others with one
/// statistical detector; very short messages by their frequent words or the chat's language so far.
/// </summary>
public static partial class Language
{
    private static readonly HashSet<string> Bavarian = new(StringComparer.Ordinal)
    {
        "servus", "griaß", "griass", "grüß", "i", "hob", "kriag", "wia", "wos", "des", "ned", "mog", "neia", "neie", "oan", "oans", "mei", "mia", "ma",
        "kon", "muas", "brauchat", "pfiat", "vergelts", "dank", "scho", "jo", "gib's", "weida", "na", "redn", "an", "bua", "dirndl", "minga", "oamoi",
        "moi", "gell", "fei", "hoid", "gscheid",
    };

    private static readonly HashSet<string> English = new(StringComparer.Ordinal)
    {
        "the", "how", "what", "where", "when", "need", "my", "please", "hello", "hi", "thanks", "thank", "you", "can", "i'm", "get", "want", "to", "for",
        "yes", "no", "talk", "person",
        "is", "do", "a", "i", "lost", "new",
    };

    private static readonly HashSet<string> German = new(StringComparer.Ordinal)
    {
        "ich", "der", "die", "das", "und", "wie", "wo", "was", "brauche", "mein", "meinen", "einen", "neuen", "bitte", "danke", "hallo", "ist", "nicht", "kann", "muss",
    };

    /// <summary>Languages the bot answers in itself; for others it offers a caseworker who speaks them.</summary>
    public static readonly IReadOnlySet<string> Answered = new HashSet<string> { "de", "en", "bar" };

    // One statistical detector for exactly the languages the bot handles (each model loads on first use; all of
    // Lingua's languages would take about a gigabyte). Bavarian is not among them: its lexicon decides first.
    private static readonly Lazy<Lingua.LanguageDetector> Detector = new(() => Lingua.LanguageDetectorBuilder
        .FromLanguages(Lingua.Language.German, Lingua.Language.English, Lingua.Language.Turkish, Lingua.Language.Ukrainian, Lingua.Language.Russian, Lingua.Language.Arabic)
        .Build());

    /// <summary>Loads the language models ahead of the first citizen (the first detection per language takes a second or two).</summary>
    public static void WarmUp()
    {
        foreach (var sample in new[] { "Wo beantrage ich einen Reisepass?", "Where do I apply for a passport?", "Pasaport nereden alınır?", "Де отримати паспорт?",
            "Где получить паспорт?", "أين أحصل على جواز سفر؟" })
        {
            Detector.Value.DetectLanguageOf(sample);
        }
    }

    /// <summary>
    /// <c>bar</c> when Bavarian words dominate; otherwise the statistical detector (<c>SearchPioneer.Lingua</c>) for German,
    /// English, Turkish, Ukrainian, Russian and Arabic (the bot offers a caseworker for the last four). Messages of one or
    /// two words without a clear marker keep <paramref name="fallback"/> (the chat's language so far).
    /// </summary>
    public static string Detect(string text, string fallback = "de")
    {
        var words = Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToList();
        var bar = words.Count(Bavarian.Contains) * 1.2;
        var en = words.Count(English.Contains);
        var de = words.Count(German.Contains);
        var statistical = Statistical(text);
        var shortMessage = words.Count <= 2;

        // Other scripts are certain even in one word; Turkish (Latin script) needs a sentence to tell from dialect.
        if (statistical is "uk" or "ru" or "ar" || statistical == "tr" && !shortMessage && bar < 2)
        {
            return statistical;
        }

        if (bar > de && bar >= en && bar > 0)
        {
            return "bar";
        }

        if (shortMessage)
        {
            return en > de ? "en" : de > 0 ? "de" : fallback;
        }

        // Clear function words win over the statistics, which a single long German noun ("I need a Meldebescheinigung") can tip.
        if (en >= 2 && de == 0)
        {
            return "en";
        }

        if (de >= 2 && en == 0)
        {
            return "de";
        }

        return statistical is "de" or "en" ? statistical : en > de ? "en" : "de";
    }

    private static string? Statistical(string text) => Detector.Value.DetectLanguageOf(text) switch
    {
        Lingua.Language.German => "de",
        Lingua.Language.English => "en",
        Lingua.Language.Turkish => "tr",
        Lingua.Language.Ukrainian => "uk",
        Lingua.Language.Russian => "ru",
        Lingua.Language.Arabic => "ar",
        _ => null,
    };

    [GeneratedRegex(@"[\p{L}']+")]
    private static partial Regex Word();
}
