using MucGov.Knowledge.Catalog;
using MucGov.Knowledge.Search;
using Xunit;

namespace MucGov.Knowledge.Tests;

/// <summary>Life situations are found from the words people use, in German, English and Bavarian, typos included.</summary>
public sealed class LifeSituationSearchTests
{
    private static readonly IReadOnlyList<LifeSituationIndex.Indexed> Index = LifeSituationIndex.Index(SampleCatalog.Read().LifeSituations!);

    [Theory]
    [InlineData("Ich ziehe nach München. Was muss ich alles erledigen?", "moving-to-munich")]
    [InlineData("wir ziehen nächsten monat von schwabing nach giesing. was müssen wir alles machen?", "moving-within-munich")]
    [InlineData("unser sohn ist gestern auf die welt gekommen 🎉 was müssen wir jetzt alles erledigen?", "birth")]
    [InlineData("hab mir grad nen gebrauchten golf gekauft, was muss ich jetzt alles machen?", "car-buy-sell")]
    [InlineData("ich will nebenbei einen kleinen onlineshop aufmachen. was muss ich bei der stadt alles erledigen?", "starting-business")]
    [InlineData("mein geldbeutel ist weg 😩 perso, führerschein, bankkarten, alles drin. was mach ich jetzt?", "lost-wallet")]
    [InlineData("Guten Tag, ich komme aus Brasilien und fange nächsten Monat in München an zu arbeiten. Was muss ich alles erledigen?", "arriving-from-abroad")]
    [InlineData("wir wandern im sommer nach kanada aus, was müssen wir vorher bei der stadt erledigen?", "moving-away")]
    [InlineData("moved here from Hamburg for a new job last week. what do I have to sort out with the city?", "moving-to-munich")]
    [InlineData("Hi! just arrived from Canada with a work visa, what do I need to do first?", "arriving-from-abroad")]
    [InlineData("our daughter was born yesterday 🥰 what do we need to do now?", "birth")]
    [InlineData("lost my wallet, think I left it in the tram 🙈 what now?", "lost-wallet")]
    [InlineData("just bought a used Golf from a guy on Kleinanzeigen, what do I need to do with the city?", "car-buy-sell")]
    [InlineData("Mia ziagn im Mai vo Schwabing noch Giasing. Wos miass ma do ois erledign?", "moving-within-munich")]
    [InlineData("Mei Freindin und i wolln nächsts Johr heiratn 💍 Wos miass ma do ois doa?", "marriage")]
    [InlineData("Mia ham uns an kloan Hund aus'm Tierheim gholt 🐶 Wos miass ma jetz ois erledign?", "dog")]
    [InlineData("wir holen uns nächste woche einen hund 🐶 was müssen wir da beachten?", "dog")]
    [InlineData("meine mutter ist letzte woche gestorben, ich muss mich jetzt um alles kümmern", "death")]
    [InlineData("My father died on Sunday. I don't know where to start.", "death")]
    [InlineData("Mei Vadda is gestern in da Nacht gstorbn.", "death")]
    public void Finds_the_life_situation_a_citizen_describes(string question, string expected)
    {
        var ranked = LifeSituationIndex.Rank(Index, QueryText.Words(question));

        Assert.True(ranked.Count > 0, "nothing found");
        Assert.True(ranked[0].Entry.Id == expected,
            $"{ranked[0].Entry.Id} ({ranked[0].Confidence}) first; {string.Join(", ", ranked.Select(r => $"{r.Entry.Id} {r.Confidence}"))}");
    }

    [Theory]
    [InlineData("wumpel", "wumpel", 1)]
    [InlineData("heiratn", "heiraten", 0.8)]
    [InlineData("geldbeutl", "geldbeutel", 0.8)]
    [InlineData("ziehen", "umziehen", 0.6)]
    [InlineData("hund", "hunde", 0)]
    public void A_word_matches_a_term_by_stem_typo_or_compound(string word, string term, double expected) =>
        Assert.Equal(expected, LifeSituationIndex.Match(word, term));
}
