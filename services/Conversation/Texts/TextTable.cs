using System.Collections.Frozen;
using System.Text;
using System.Text.Json;

namespace MucGov.Conversation.Texts;

/// <summary>
/// Mingabot's fixed texts (phrasing, small talk, notices), one file per language in <c>Texts/</c>, built into the
/// assembly. A text is a string with <c>{name}</c> placeholders. Bavarian falls back to German per key; a language
/// with a partial file (or none) falls back to English. Catalog texts (titles, fees, prompts) are not here: they come
/// from the catalog in the chat's language.
/// </summary>
public sealed class TextTable
{
    /// <summary>The languages whose tables must hold every key (a test checks it).</summary>
    public static readonly IReadOnlyList<string> Complete = ["de", "en", "tr", "uk", "ru", "ar"];

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> tables;

    private TextTable(FrozenDictionary<string, FrozenDictionary<string, string>> tables) => this.tables = tables;

    /// <summary>The shipped table.</summary>
    public static TextTable Shipped { get; } = Load();

    /// <summary>The languages with a file.</summary>
    public IReadOnlyCollection<string> Languages => tables.Keys;

    /// <summary>The keys a language's own file holds.</summary>
    public IReadOnlyCollection<string> KeysOf(string language) => tables.TryGetValue(language, out var table) ? table.Keys : [];

    /// <summary>The text of <paramref name="key"/> in <paramref name="language"/>, with the fallbacks, placeholders filled.</summary>
    public string Get(string language, string key, params (string Name, object? Value)[] values)
    {
        var text = Find(language, key) ?? throw new KeyNotFoundException($"No text '{key}' for '{language}' (nor in its fallback).");
        if (values.Length == 0)
        {
            return text;
        }

        var filled = new StringBuilder(text);
        foreach (var (name, value) in values)
        {
            filled.Replace("{" + name + "}", Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
        }

        return filled.ToString();
    }

    private string? Find(string language, string key)
    {
        if (tables.TryGetValue(language, out var own) && own.TryGetValue(key, out var text))
        {
            return text;
        }

        var fallback = language switch
        {
            "bar" => "de",
            "en" => null,
            _ => "en",
        };
        return fallback is null ? null : Find(fallback, key);
    }

    private static TextTable Load() => new(EmbeddedLanguageFiles.Load("Texts.", Parse));

    /// <summary>A language file: an object of key → text; <c>$comment</c> is skipped.</summary>
    public static FrozenDictionary<string, string> Parse(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject()
            .Where(p => !p.Name.StartsWith('$'))
            .ToFrozenDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
    }
}
