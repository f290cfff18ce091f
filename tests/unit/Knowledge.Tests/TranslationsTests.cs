using MucGov.Knowledge.Catalog;
using MucGov.Shared.Languages;
using Xunit;

namespace MucGov.Knowledge.Tests;

public sealed class TranslationsTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static ServiceEntry Passport(string? turkishTitle = "Pasaport", string germanTitle = "Reisepass") => new(
        "reisepass", null, "buergerbuero", Text(germanTitle, "Passport", turkishTitle), Text("Kurz", "Short", turkishTitle is null ? null : "Kısa"),
        Text("Lang", "Long", turkishTitle is null ? null : "Uzun"), new Synonyms(["Pass"]), [Text("Ausweis", "ID card", turkishTitle is null ? null : "Kimlik")],
        [], null, null, null, [], true, null, ["kvr"], null, false, false);

    private static LocalizedText Text(string de, string en, string? tr)
    {
        var text = new LocalizedText(de, en);
        return tr is null ? text : text.With("tr", tr);
    }

    [Fact]
    public void Every_language_with_text_starts_as_a_draft_whatever_the_writer_claims()
    {
        var claimed = Passport() with { Translations = new Dictionary<string, TranslationStatus> { ["tr"] = new(TranslationStatus.Reviewed, "someone", Noon) } };

        var settled = Translations.Settled(claimed, stored: null);

        Assert.Equal(["en", "tr"], settled.Translations!.Keys.Order());
        Assert.All(settled.Translations!.Values, s => Assert.Equal(TranslationStatus.Drafted, s));
    }

    [Fact]
    public void A_review_survives_a_write_that_leaves_its_texts_alone_and_lapses_when_they_or_the_german_change()
    {
        var reviewed = Passport() with { Translations = Translations.Reviewed(Translations.Settled(Passport(), null).Translations, "tr", "Jonas Fischer", Noon) };

        var same = Translations.Settled(Passport(), reviewed);
        var turkishChanged = Translations.Settled(Passport(turkishTitle: "Pasaport başvurusu"), reviewed);
        var germanChanged = Translations.Settled(Passport(germanTitle: "Reisepass beantragen"), reviewed);

        Assert.Equal(new TranslationStatus(TranslationStatus.Reviewed, "Jonas Fischer", Noon), same.Translations!["tr"]);
        Assert.Equal(TranslationStatus.Draft, same.Translations!["en"].Status);
        Assert.Equal(TranslationStatus.Draft, turkishChanged.Translations!["tr"].Status);
        Assert.Equal(TranslationStatus.Draft, germanChanged.Translations!["tr"].Status);
    }

    [Fact]
    public void A_language_some_texts_lack_is_missing_and_names_them()
    {
        var partial = Passport() with { Documents = [new LocalizedText("Foto", "Photo")] };

        var parts = Translations.Parts(partial);

        Assert.Equal(Translations.Missing, parts.StatusIn("tr"));
        Assert.Equal(["documents[0]"], parts.MissingIn("tr"));
        Assert.Equal(TranslationStatus.Draft, Translations.Parts(Translations.Settled(Passport(), null)).StatusIn("tr"));
        Assert.Equal(Translations.Missing, Translations.Parts(Passport(turkishTitle: null)).StatusIn("uk"));
    }

    [Fact]
    public void A_text_falls_back_from_a_voice_to_german_and_from_a_translation_to_english()
    {
        var text = new LocalizedText("Reisepass", "Passport").With("tr", "Pasaport");

        Assert.Equal(("Pasaport", "tr"), text.Resolve("tr"));
        Assert.Equal(("Reisepass", "de"), text.Resolve("bar"));
        Assert.Equal(("Passport", "en"), text.Resolve("uk"));
        Assert.Equal(("Passport", "en"), text.Resolve("hr"));
        Assert.Equal(("Reisepass", "de"), new LocalizedText([new("de", "Reisepass")]).Resolve("ar"));
    }

    [Fact]
    public void Translations_go_into_every_supported_language_but_german_and_its_voices() =>
        Assert.Equal(SupportedLanguages.Codes.Except(["de", "bar"]), Translations.Targets);

    [Fact]
    public void A_format_1_synonym_list_reads_as_german_and_writes_keyed_by_language()
    {
        var read = System.Text.Json.JsonSerializer.Deserialize<Synonyms>("""["Perso", "ID card"]""", CatalogFile.Json)!;

        Assert.Equal(["Perso", "ID card"], read["de"]);
        var compact = new System.Text.Json.JsonSerializerOptions(CatalogFile.Json) { WriteIndented = false };
        Assert.Equal("""{"de":["Perso","ID card"]}""", System.Text.Json.JsonSerializer.Serialize(read, compact));
    }
}
