using System.Collections.Frozen;

namespace MucGov.Conversation.Texts;

/// <summary>The per-language JSON files built into the assembly under one prefix (<c>Texts.de.json</c>, <c>Glossary.hr.json</c>), by language.</summary>
internal static class EmbeddedLanguageFiles
{
    public static FrozenDictionary<string, T> Load<T>(string prefix, Func<Stream, T> parse)
    {
        var assembly = typeof(EmbeddedLanguageFiles).Assembly;
        var files = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            files[name[prefix.Length..^".json".Length]] = parse(stream);
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
