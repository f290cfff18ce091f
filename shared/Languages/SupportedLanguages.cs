namespace MucGov.Shared.Languages;

/// <summary>A language MucGov speaks.</summary>
/// <param name="Code">ISO 639 code (<c>bar</c> for Bavarian, ISO 639-3).</param>
/// <param name="NativeName">Its name in itself, for a language picker.</param>
/// <param name="EnglishName">Its name in English, for operators and logs.</param>
/// <param name="RightToLeft">Written right to left (pages set <c>dir="rtl"</c>).</param>
/// <param name="TextSearch">The PostgreSQL text search configuration for its catalog texts (<c>simple</c> where none stems it).</param>
/// <param name="Culture">How dates and numbers are written for its readers (a culture with the Gregorian calendar).</param>
/// <param name="VoiceOf">The language it is a voice of: its catalog texts fall back to that one first (Bavarian → German).</param>
public sealed record SupportedLanguage(string Code, string NativeName, string EnglishName, bool RightToLeft, string TextSearch, string Culture, string? VoiceOf = null);

/// <summary>
/// The one list of supported languages. Adding a language is adding it here plus its texts (the bots' text tables, the
/// pages, the catalog's translations); see docs/knowledge.md.
/// </summary>
public static class SupportedLanguages
{
    /// <summary>German: the catalog's binding language, required for every text.</summary>
    public const string German = "de";

    /// <summary>English: the fallback for languages a text does not exist in, and for languages MucGov does not speak.</summary>
    public const string English = "en";

    /// <summary>Every supported language, German first.</summary>
    public static readonly IReadOnlyList<SupportedLanguage> All =
    [
        new("de", "Deutsch", "German", false, "german", "de-DE"),
        new("en", "English", "English", false, "english", "en-GB"),
        new("bar", "Boarisch", "Bavarian", false, "german", "de-DE", VoiceOf: German),
        new("tr", "Türkçe", "Turkish", false, "turkish", "tr-TR"),
        // PostgreSQL 15 has no Ukrainian stemmer: words are matched as written (and by trigrams).
        new("uk", "Українська", "Ukrainian", false, "simple", "uk-UA"),
        new("ru", "Русский", "Russian", false, "russian", "ru-RU"),
        new("ar", "العربية", "Arabic", true, "arabic", "ar-EG"),
    ];

    /// <summary>The codes of <see cref="All"/>.</summary>
    public static readonly IReadOnlyList<string> Codes = [.. All.Select(l => l.Code)];

    private static readonly Dictionary<string, SupportedLanguage> ByCode = All.ToDictionary(l => l.Code, StringComparer.Ordinal);

    /// <summary>Whether <paramref name="code"/> is a supported language.</summary>
    public static bool IsSupported(string? code) => code is not null && ByCode.ContainsKey(code);

    /// <summary>The supported language <paramref name="code"/>, or null.</summary>
    public static SupportedLanguage? Find(string? code) => code is null ? null : ByCode.GetValueOrDefault(code);

    /// <summary>
    /// The languages a text for <paramref name="code"/> is looked for in, in order: the language itself, the language it
    /// is a voice of, then English and German (German first for German's voices). An unsupported code gets English, then German.
    /// </summary>
    public static IReadOnlyList<string> Fallbacks(string? code)
    {
        var language = Find(code);
        if (language is null)
        {
            return [English, German];
        }

        var order = new List<string> { language.Code };
        if (language.VoiceOf is { } voice)
        {
            order.Add(voice);
        }

        order.AddRange(language.Code == English || language.VoiceOf == German ? [German, English] : [English, German]);
        return [.. order.Distinct()];
    }
}
