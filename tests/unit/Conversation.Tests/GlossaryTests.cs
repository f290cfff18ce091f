using System.Text.Json;
using MucGov.Conversation.Bot;
using MucGov.Conversation.Texts;
using MucGov.Testing;
using Xunit;

namespace MucGov.Conversation.Tests;

/// <summary>
/// The glossaries of the languages the bot recognises but does not speak: one per language, covering the city's core
/// services, matched by word beginnings, and naming only English words the catalog's English texts use.
/// </summary>
public sealed class GlossaryTests
{
    private static readonly Glossary Shipped = Glossary.Shipped;

    // The English words every glossary must reach: the services most asked for and what is asked about them.
    private static readonly string[] Core =
    [
        "passport", "identity card", "register residence", "driving licence", "residence permit", "car", "business",
        "birth certificate", "get married", "waste bin", "bulky waste", "lost", "cost", "opening hours", "appointment",
    ];

    // Words of the questions that are not in the catalog's texts but the bot reads as aspects or requests.
    private static readonly string[] QuestionWords =
        ["lost", "stolen", "cost", "opening", "hours", "documents", "how", "long", "where", "appointment", "talk", "to", "a", "person", "office", "renew", "apply"];

    [Fact]
    public void Every_recognised_language_has_a_glossary_with_the_core_services()
    {
        foreach (var language in Language.Recognised.Values)
        {
            var english = Shipped.TermsOf(language).Select(t => t.English).ToHashSet(StringComparer.Ordinal);

            Assert.True(english.Count > 0, $"no glossary for {language}");
            Assert.Empty(Core.Where(c => !english.Contains(c)).Select(c => $"{language}: {c}"));
        }
    }

    [Fact]
    public void Every_english_word_of_a_glossary_is_in_the_catalogs_english_texts_or_asks_for_an_aspect()
    {
        var catalog = EnglishCatalogWords();

        var unknown = Shipped.Languages
            .SelectMany(l => Shipped.TermsOf(l).SelectMany(t => Glossary.Words(t.English)).Select(w => (Language: l, Word: w)))
            .Where(x => !catalog.Contains(x.Word) && !QuestionWords.Contains(x.Word))
            .Select(x => $"{x.Language}: {x.Word}")
            .Distinct()
            .ToList();

        Assert.Empty(unknown);
    }

    [Fact]
    public void A_key_of_one_stem_under_four_letters_matches_only_the_very_word()
    {
        // Croatian "pas" (dog) is not "pasta"; "psa" is its genitive, written as a key of its own.
        Assert.Equal("dog", Shipped.ToEnglish("hr", "imam psa"));
        Assert.Null(Shipped.ToEnglish("hr", "volim pastu"));
    }

    [Fact]
    public void A_croatian_question_reads_as_its_english_office_words_in_order()
    {
        Assert.Equal("lost passport", Shipped.ToEnglish("hr", "Dobar dan, izgubio sam putovnicu."));
        Assert.Equal("lost passport", Shipped.ToEnglish("hr", "Dobar dan, izgubio sam putovnicu. Što trebam učiniti?"));
        Assert.Equal("documents passport", Shipped.ToEnglish("hr", "Što mi treba za putovnicu?"));
        Assert.Equal("identity card", Shipped.ToEnglish("hr", "Trebam novu osobnu iskaznicu"));
    }

    [Fact]
    public void A_stem_matches_only_the_beginning_of_a_word()
    {
        // "putovnic" begins "putovnicu", not "neputovnicu"; nothing else in the sentence is an office word.
        Assert.Null(Shipped.ToEnglish("hr", "neputovnicu dobar dan"));
    }

    [Fact]
    public void A_language_without_a_glossary_or_a_message_without_office_words_reads_as_nothing()
    {
        Assert.Null(Shipped.ToEnglish("de", "Ich habe meinen Reisepass verloren"));
        Assert.Null(Shipped.ToEnglish("hr", "Dobar dan, kako ste?"));
    }

    [Fact]
    public void Words_split_at_everything_but_letters_marks_and_digits_and_at_the_zero_width_non_joiner()
    {
        Assert.Equal(["dobar", "dan", "što", "123"], Glossary.Words("Dobar dan, ŠTO? 123"));
        Assert.Equal(["می", "خواهم"], Glossary.Words("می\u200Cخواهم"));
        Assert.Equal(["διαβατήριο"], Glossary.Words("Διαβατήριο;"));
    }

    private static HashSet<string> EnglishCatalogWords()
    {
        using var catalog = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "services/Knowledge/Catalog/Sample/catalog.json")));
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var service in catalog.RootElement.GetProperty("services").EnumerateArray())
        {
            foreach (var field in new[] { "title", "summary", "description", "synonyms" })
            {
                if (service.TryGetProperty(field, out var value) && value.TryGetProperty("en", out var english))
                {
                    words.UnionWith(Glossary.Words(english.ToString()));
                }
            }
        }

        return words;
    }
}
