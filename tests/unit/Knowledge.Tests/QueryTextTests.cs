using MucGov.Knowledge.Search;
using Xunit;

namespace MucGov.Knowledge.Tests;

public sealed class QueryTextTests
{
    [Fact]
    public void Only_letters_and_digits_reach_the_query()
    {
        var words = QueryText.Words("'; DROP TABLE services; -- & | ! :* ()");

        Assert.All(words, w => Assert.Matches(@"^[\p{L}\p{N}]+$", w));
        Assert.Equal(["drop", "table", "services"], words);
    }

    [Fact]
    public void Filler_words_are_dropped_and_content_words_kept()
    {
        Assert.Equal(["personalausweis", "verloren"], QueryText.Words("Ich habe meinen Personalausweis verloren, was muss ich tun?").Where(w => w != "tun"));
    }

    [Fact]
    public void Bavarian_words_also_appear_in_standard_german()
    {
        var words = QueryText.Words("I hob mein Ausweis vaschlampt");

        Assert.Contains("verloren", words);
        Assert.Contains("vaschlampt", words);
        Assert.Contains("personalausweis", words);
    }

    [Theory]
    [InlineData("квартиру", "квартир:*")]
    [InlineData("записуватися", "записува:*")]
    [InlineData("сина", "сина")]
    [InlineData("anmeldung", "anmeldung")]
    public void A_cyrillic_word_is_queried_by_its_stem_as_a_prefix(string word, string query) =>
        Assert.Equal(query, QueryText.PrefixQuery(word));

    [Fact]
    public void Life_situations_compare_cyrillic_words_by_their_stem() =>
        Assert.Equal(0.8, LifeSituationIndex.Match("приїхали", "приїхав"));

    [Fact]
    public void Umlauts_are_also_spelt_out()
    {
        Assert.Contains("fuehrerschein", QueryText.Words("Führerschein"));
        Assert.Contains("sperrmuell", QueryText.Terms(["Sperrmüll"]));
    }

    [Fact]
    public void Empty_and_overlong_text_is_handled()
    {
        Assert.Empty(QueryText.Words(null));
        Assert.Empty(QueryText.Words("  ?! "));
        Assert.True(string.Join(" ", QueryText.Words(string.Join(' ', Enumerable.Repeat("reisepass", 500)))).Length <= QueryText.MaxLength);
    }

    [Fact]
    public void Confidence_rises_with_score_and_lead()
    {
        var weak = Search.CatalogSearch.Confidence(coverage: 0.2, nextScore: 1.5, score: 2, bestScore: 2);
        var strong = Search.CatalogSearch.Confidence(coverage: 0.9, nextScore: 1, score: 6, bestScore: 6);
        var tied = Search.CatalogSearch.Confidence(coverage: 0.9, nextScore: 5.9, score: 6, bestScore: 6);
        var second = Search.CatalogSearch.Confidence(coverage: 0.5, nextScore: 0, score: 3, bestScore: 6);

        Assert.InRange(weak, 0, 1);
        Assert.True(strong > tied && tied > weak);
        Assert.True(second < strong);
        Assert.Equal(0, Search.CatalogSearch.Confidence(0, 0, 0, 0));
    }
}
