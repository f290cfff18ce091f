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

    /// <summary>
    /// Languages the bot recognises but does not speak (Munich's largest groups of residents and their neighbours): it
    /// answers them with the English content and a sentence in their language saying so.
    /// </summary>
    public static readonly IReadOnlyDictionary<Lingua.Language, string> Recognised = new Dictionary<Lingua.Language, string>
    {
        [Lingua.Language.Croatian] = "hr", [Lingua.Language.Bosnian] = "bs", [Lingua.Language.Serbian] = "sr", [Lingua.Language.Italian] = "it",
        [Lingua.Language.Greek] = "el", [Lingua.Language.Polish] = "pl", [Lingua.Language.Romanian] = "ro", [Lingua.Language.Bulgarian] = "bg",
        [Lingua.Language.French] = "fr", [Lingua.Language.Spanish] = "es", [Lingua.Language.Persian] = "fa",
    };

    /// <summary>How sure the detector must be that a message is in a language the bot does not speak.</summary>
    private const double SureOfOther = 0.6;

    // One statistical detector for exactly the languages the bot handles (each model loads on first use; all of
    // Lingua's languages would take about a gigabyte). Bavarian is not among them: its lexicon decides first.
    private static readonly Lazy<Lingua.LanguageDetector> Detector = new(() => Lingua.LanguageDetectorBuilder
        .FromLanguages(Lingua.Language.German, Lingua.Language.English, Lingua.Language.Turkish, Lingua.Language.Ukrainian, Lingua.Language.Russian, Lingua.Language.Arabic)
        .Build());

    // Every language the bot speaks or recognises, with the small (trigram) models: asked only of messages of three words
    // or more, to tell a language the bot does not speak; the six the bot speaks keep their precise detector above.
    private static readonly Lazy<Lingua.LanguageDetector> Others = new(() => Lingua.LanguageDetectorBuilder
        .FromLanguages([Lingua.Language.German, Lingua.Language.English, Lingua.Language.Turkish, Lingua.Language.Ukrainian, Lingua.Language.Russian,
            Lingua.Language.Arabic, .. Recognised.Keys])
        .WithLowAccuracyMode()
        .Build());

    /// <summary>Loads the language models ahead of the first citizen (the first detection per language takes a second or two).</summary>
    public static void WarmUp()
    {
        foreach (var sample in new[] { "Wo beantrage ich einen Reisepass?", "Where do I apply for a passport?", "Pasaport nereden alınır?", "Де отримати паспорт?",
            "Где получить паспорт?", "أين أحصل على جواز سفر؟" })
        {
            Detector.Value.DetectLanguageOf(sample);
            Others.Value.DetectLanguageOf(sample);
        }
    }

    /// <summary>
    /// The language of a message in a chat that speaks <paramref name="fallback"/> so far. When the chat's language
    /// <paramref name="holds"/> (the citizen picked it, or the chat is under way), it holds until a message of at least
    /// three words is confidently another: <c>bar</c> when Bavarian words dominate (a voice of German, told by its words at
    /// any length); otherwise the statistical detector (<c>SearchPioneer.Lingua</c>) for the supported languages, and for a
    /// language the bot only recognises (<see cref="Recognised"/>) its code. A chat's first message, in a language nobody
    /// picked, may set it even when short ("Hello").
    /// </summary>
    public static string Detect(string text, string fallback = "de", bool holds = false)
    {
        var words = Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToList();
        var bar = words.Count(Bavarian.Contains) * 1.2;
        var en = words.Count(English.Contains);
        var de = words.Count(German.Contains);
        var german = fallback is "de" or "bar";
        if (words.Count < 3 && holds)
        {
            // Too short to be sure of a language: the chat's own holds (Bavarian and German are one language's voices).
            return german && bar > de && bar >= en && bar > 0 ? "bar" : german && de > bar && fallback == "bar" ? "de" : fallback;
        }

        if (words.Count < 3)
        {
            // A short first message: its frequent words, else the chat's language (a single Cyrillic or Arabic word is clear).
            var script = Statistical(text);
            return bar > de && bar >= en && bar > 0 ? "bar" : en > de ? "en" : de > 0 ? "de" : script is "uk" or "ru" or "ar" ? script : fallback;
        }

        // A few dialect words decide for Bavarian; then a language the bot only recognises, where German and English function
        // words are (nearly) absent (Slavic "i" and "a" are English words too); then the supported languages.
        if (bar >= 2 && bar > de && bar >= en)
        {
            return "bar";
        }

        // A short message with letters of the chat's own (non-Latin) script stays in the chat's language: three Ukrainian
        // words look Serbian or Bulgarian to the small models ("що треба принести?"), and German names may stand beside
        // them ("Bürgerbüro Pasing адрес?").
        var own = ScriptOf(fallback);
        if (holds && words.Count <= 5 && own is not null && text.Any(c => ScriptOf(c) == own))
        {
            return fallback;
        }

        // A Turkish chat's message without German or English function words stays Turkish, however German its nouns
        // ("Meldebescheinigung almak istiyorum"): the statistics read a long German office name as German.
        if (holds && fallback == "tr" && en < 2 && de < 2 && bar < 2)
        {
            return fallback;
        }

        if (en < 2 && de < 2 && Other(text) is { } other)
        {
            return other;
        }

        var statistical = Statistical(text);

        // Other scripts are certain; Turkish (Latin script) needs more than a few dialect words to tell from Bavarian.
        if (statistical is "uk" or "ru" or "ar" || statistical == "tr" && bar < 2)
        {
            return statistical;
        }

        // Mostly Cyrillic or Arabic letters with a German office word or two ("а Standesamt на Ruppertstraße сьогодні
        // відкритий?") is no German: the chat's language of that script, else Ukrainian by its own letters, Russian or Arabic.
        if (MainScript(words) is { } letters)
        {
            return own == letters ? fallback : letters == "ar" ? "ar" : UkrainianLetters().IsMatch(text) ? "uk" : "ru";
        }

        // One dialect-looking word ("an") does not make an English chat Bavarian; in a German one it may.
        if (bar > de && bar >= en && bar > 0 && (german || bar >= 2))
        {
            return "bar";
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

    /// <summary>A language the bot recognises but does not speak, when the detector is sure of it (the three close South Slavic ones counted together).</summary>
    private static string? Other(string text)
    {
        // Dotless ı and ğ are Turkish letters no recognised language has: such a message is none of them, whatever its
        // German nouns do to the statistics ("bana bir Parkausweis lazım" is not Croatian).
        if (TurkishLetters().IsMatch(text))
        {
            return null;
        }

        var values = Others.Value.ComputeLanguageConfidenceValues(text);
        var top = values.MaxBy(v => v.Value);
        if (!Recognised.TryGetValue(top.Key, out var code))
        {
            return null;
        }

        // Arabic script without a letter only Persian has (پ چ ژ گ, the Persian kaf and yeh) is Arabic: spoken Arabic
        // ("شو بدي جيب معي؟") looks Persian to the statistics.
        if (top.Key == Lingua.Language.Persian && !PersianLetters().IsMatch(text))
        {
            return null;
        }

        Lingua.Language[] southSlavic = [Lingua.Language.Croatian, Lingua.Language.Bosnian, Lingua.Language.Serbian];
        var confidence = southSlavic.Contains(top.Key) ? values.Where(v => southSlavic.Contains(v.Key)).Sum(v => v.Value) : top.Value;
        return confidence >= SureOfOther ? code : null;
    }

    /// <summary>The non-Latin script a language is written in: <c>cyrillic</c>, <c>ar</c>, or null.</summary>
    private static string? ScriptOf(string language) => language switch
    {
        "uk" or "ru" => "cyrillic",
        "ar" => "ar",
        _ => null,
    };

    /// <summary>The non-Latin script of a letter: <c>cyrillic</c>, <c>ar</c>, or null.</summary>
    private static string? ScriptOf(char letter) => letter switch
    {
        >= '\u0400' and <= '\u04FF' => "cyrillic",
        >= '\u0600' and <= '\u06FF' => "ar",
        _ => null,
    };

    /// <summary>
    /// The script most of the words are in when it is Cyrillic or Arabic, else null — by words, not letters: two long German
    /// names do not outweigh four Ukrainian words.
    /// </summary>
    private static string? MainScript(IReadOnlyList<string> words)
    {
        var counts = words.GroupBy(w => ScriptOf(w[0]) ?? "latin").Select(g => (Script: g.Key, Count: g.Count())).OrderByDescending(g => g.Count).ToList();
        return counts is [var top, ..] && top.Script != "latin" && (counts.Count == 1 || top.Count > counts[1].Count) ? top.Script : null;
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

    [GeneratedRegex("[ıİğĞ]")]
    private static partial Regex TurkishLetters();

    [GeneratedRegex("[іїєґІЇЄҐ]")]
    private static partial Regex UkrainianLetters();

    [GeneratedRegex("[\u067E\u0686\u0698\u06AF\u06A9\u06CC]")]
    private static partial Regex PersianLetters();
}
