using System.Text.RegularExpressions;
using MucGov.Conversation.Texts;
using MucGov.Testing;
using Xunit;

namespace MucGov.Conversation.Tests;

/// <summary>The bot's text table: complete where it must be, consistent placeholders, the fallbacks, and every key the code asks for.</summary>
public sealed partial class TextTableTests
{
    private static readonly TextTable Texts = TextTable.Shipped;

    [Fact]
    public void The_complete_languages_hold_the_same_keys()
    {
        var german = Texts.KeysOf("de").ToHashSet();

        Assert.True(german.Count >= 50, $"only {german.Count} German texts");
        foreach (var language in TextTable.Complete)
        {
            Assert.Empty(german.Except(Texts.KeysOf(language)));
            Assert.Empty(Texts.KeysOf(language).Except(german));
        }
    }

    [Fact]
    public void A_partial_language_holds_no_key_german_lacks_and_bavarian_covers_most_of_them()
    {
        var german = Texts.KeysOf("de").ToHashSet();

        Assert.All(Texts.Languages.Except(TextTable.Complete), language => Assert.Empty(Texts.KeysOf(language).Except(german)));
        Assert.True(Texts.KeysOf("bar").Count >= german.Count * 3 / 4, "Bavarian has its own wording for most texts");
    }

    [Fact]
    public void Every_translation_fills_the_same_placeholders_as_the_german_text()
    {
        foreach (var language in Texts.Languages.Where(l => l != "de"))
        {
            foreach (var key in Texts.KeysOf(language))
            {
                Assert.True(Placeholders(Texts.Get("de", key)).SetEquals(Placeholders(Texts.Get(language, key))), $"{language}: {key}");
            }
        }
    }

    [Fact]
    public void Bavarian_falls_back_to_german_other_languages_to_english_and_an_unknown_key_fails()
    {
        var onlyGerman = Texts.KeysOf("de").First(k => !Texts.KeysOf("bar").Contains(k));
        var onlyEnglish = Texts.KeysOf("en").First(k => !Texts.KeysOf("hr").Contains(k));

        Assert.Equal(Texts.Get("de", onlyGerman), Texts.Get("bar", onlyGerman));
        Assert.Equal(Texts.Get("en", onlyEnglish), Texts.Get("hr", onlyEnglish));
        Assert.Equal(Texts.Get("en", "unclear"), Texts.Get("fr", "unclear"));
        Assert.Throws<KeyNotFoundException>(() => Texts.Get("de", "no.such.text"));
    }

    [Fact]
    public void Placeholders_are_filled_by_name()
    {
        var text = Texts.Get("en", "case.opened", ("department", "Bürgerbüro"), ("reference", "M-2026-000042"));

        Assert.Contains("Bürgerbüro", text, StringComparison.Ordinal);
        Assert.Contains("M-2026-000042", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_key_the_conversation_service_asks_for_is_in_the_table()
    {
        var source = Path.Combine(Repository.Root, "services", "Conversation");
        var asked = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeyLiteral().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .ToHashSet();

        Assert.True(asked.Count >= 40, $"only {asked.Count} keys found in the code");
        Assert.Empty(asked.Except(Texts.KeysOf("de")));
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{[a-zA-Z]+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"""(?<key>unclear|(welcome|handover|action|smalltalk|clarify|service|catalog|sensitive|opening|procedure|case|language|block|aspect|life|joke|translation)" +
        @"(\.[a-zA-Z]+)+)""")]
    private static partial Regex KeyLiteral();
}
