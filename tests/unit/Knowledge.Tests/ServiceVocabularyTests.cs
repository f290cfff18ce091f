using MucGov.Knowledge.Search;
using Xunit;

namespace MucGov.Knowledge.Tests;

/// <summary>The catalog's words read what a citizen typed: typos, Bavarian spellings, compounds — and whole phrases tell services apart.</summary>
public sealed class ServiceVocabularyTests
{
    private static readonly ServiceVocabulary Vocabulary = ServiceVocabulary.Of(SampleCatalog.Read().Services);

    [Theory]
    [InlineData("Wohngled Antrag", "wohngeld")]
    [InlineData("was kostet die gewerbeanmledung?", "gewerbeanmeldung")]
    [InlineData("und ne meldebescheinigng bräucht ich auch noch", "meldebescheinigung")]
    [InlineData("Mei oida Golf kimmt zum Vaschrottn", "verschrotten")]
    [InlineData("reisepassverlängerung wie teuer", "reisepass")]
    public void A_word_the_catalog_does_not_know_is_read_as_the_one_meant(string question, string meant)
    {
        var words = Vocabulary.Expand(QueryText.Words(question));

        Assert.Contains(meant, words);
    }

    [Theory]
    [InlineData("Ich muss die neue Adresse beim Amt angeben", "abgeben")]
    [InlineData("Ich ziehe von Schwabing nach Giesing", "abgeben")]
    public void An_everyday_word_is_not_read_as_a_catalog_word_it_resembles(string question, string notMeant)
    {
        var words = Vocabulary.Expand(QueryText.Words(question));

        Assert.DoesNotContain(notMeant, words);
    }

    [Fact]
    public void A_whole_distinctive_phrase_counts_for_its_service()
    {
        var matches = Vocabulary.PhraseMatches(Vocabulary.Expand(QueryText.Words("how long does the residence permit usually take?")));

        Assert.Equal(["aufenthaltstitel"], matches.Keys);
    }

    [Fact]
    public void A_phrase_another_service_also_has_whole_tells_nothing_apart()
    {
        // "parking permit" (resident parking) is part of "disabled parking permit".
        var matches = Vocabulary.PhraseMatches(Vocabulary.Expand(QueryText.Words("how do I get a parking permit?")));

        Assert.Empty(matches);
    }

    [Fact]
    public void Abmelden_is_not_anmelden_in_a_phrase()
    {
        var matches = Vocabulary.PhraseMatches(Vocabulary.Expand(QueryText.Words("I mog mei oids Auto obmeidn")));

        Assert.DoesNotContain("fahrzeug-zulassen", matches.Keys);
    }

    [Theory]
    [InlineData("anmeldung", "anmledung", 1)]
    [InlineData("wohngeld", "wohngled", 1)]
    [InlineData("abmelden", "anmelden", 1)]
    [InlineData("reisepass", "reisepass", 0)]
    [InlineData("kind", "", 4)]
    public void Distance_counts_a_swap_of_neighbours_as_one_edit(string a, string b, int expected) =>
        Assert.Equal(expected, QueryText.Distance(a, b));
}
