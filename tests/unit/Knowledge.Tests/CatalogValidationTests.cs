using MucGov.Knowledge.Catalog;
using Xunit;

namespace MucGov.Knowledge.Tests;

public sealed class CatalogValidationTests
{
    private static ServiceEntry Service(string id = "anmeldung", LocalizedText? title = null, string department = "buergerbuero", string? url = null,
        ProcedureEntry? procedure = null) => new(
        id, null, department, title ?? new LocalizedText("Anmeldung", "Registration"), new LocalizedText("Kurz", "Short"), new LocalizedText("Lang", "Long"),
        new Synonyms(["Zuzug"]), [new LocalizedText("Ausweis", "ID card")], [new LocalizedText("frei", "free")], null, null, url,
        [new LocalizedText("Termin", "Appointment")], true, null, ["kvr"], procedure, false, false);

    private static ProcedureField Field(string name, string type, string? validation = null, string? prefill = null) =>
        new(name, type, new LocalizedText("Feld", "Field"), new LocalizedText("Frage?", "Question?"), validation, prefill);

    private static ProcedureEntry Procedure(string result = "case", string trust = "basic", params ProcedureField[] fields) =>
        new("sperrmuell", trust, result, new LocalizedText("Danke.", "Thank you."), fields.Length > 0 ? fields : [Field("address", "text", prefill: "address")]);

    [Fact]
    public void Every_procedure_of_the_sample_catalog_is_valid()
    {
        var file = SampleCatalog.Read();

        var procedures = file.Services.Where(s => s.Procedure is not null).ToList();

        Assert.Equal(["bewohnerparkausweis", "hundesteuer", "meldebescheinigung", "sperrmuell"], procedures.Select(s => s.Id).Order());
        Assert.All(procedures, s => Assert.Empty(CatalogValidation.Shape(s)));
        Assert.Equal(("document", "substantial"), procedures.Single(s => s.Id == "meldebescheinigung").Procedure is { } p ? (p.Result, p.TrustLevel) : default);
    }

    [Fact]
    public void A_procedure_with_every_field_type_is_valid() =>
        Assert.Empty(CatalogValidation.Shape(Service(procedure: Procedure("case", "basic",
            Field("name", "text", "length:2-50", "familyName"), Field("day", "date", "workday:3-60"), Field("zip", "postcode", "munich"),
            Field("plate", "plate"), Field("items", "count", "1-30"), Field("kind", "choice", "a|b")))));

    [Theory]
    [InlineData("date", "tomorrow", "procedure.fields[0].validation")]
    [InlineData("count", "1..5", "procedure.fields[0].validation")]
    [InlineData("choice", "only-one", "procedure.fields[0].validation")]
    [InlineData("colour", null, "procedure.fields[0].validation")]
    public void A_field_with_an_unknown_type_or_rule_is_refused(string type, string? rule, string error) =>
        Assert.Contains(error, CatalogValidation.Shape(Service(procedure: Procedure(fields: Field("x", type, rule)))).Keys);

    [Fact]
    public void Prefill_only_from_known_buergerkonto_fields_and_names_unique() =>
        Assert.Equal(["procedure.fields[0].prefillFrom", "procedure.fields[1].name"],
            CatalogValidation.Shape(Service(procedure: Procedure(fields: [Field("iban", "text", prefill: "bankAccount"), Field("iban", "text")]))).Keys.Order());

    [Fact]
    public void Result_and_trust_level_must_be_known() =>
        Assert.Equal(["procedure.result", "procedure.trustLevel"], CatalogValidation.Shape(Service(procedure: Procedure("pdf", "medium"))).Keys.Order());

    [Fact]
    public void A_document_certifies_only_buergerkonto_fields_and_choices_at_a_checked_identity()
    {
        var valid = Procedure("document", "substantial", Field("name", "text", prefill: "familyName"), Field("purpose", "choice", "a|b"));
        var typedName = Procedure("document", "high", Field("name", "text"), Field("born", "date", "past"));

        Assert.Empty(CatalogValidation.Shape(Service(procedure: valid)));
        Assert.Equal(["procedure.fields[0].type", "procedure.fields[1].type"], CatalogValidation.Shape(Service(procedure: typedName)).Keys.Order());
        Assert.Equal(["procedure.trustLevel"], CatalogValidation.Shape(Service(procedure: valid with { TrustLevel = "basic" })).Keys);
    }

    [Fact]
    public void A_complete_service_is_valid() => Assert.Empty(CatalogValidation.Shape(Service()));

    [Fact]
    public void A_blank_translation_is_an_error() =>
        Assert.Contains("title", CatalogValidation.Shape(Service(title: new LocalizedText("Anmeldung", " "))).Keys);

    [Fact]
    public void A_title_without_german_is_an_error() =>
        Assert.Contains("title", CatalogValidation.Shape(Service(title: new LocalizedText([new("en", "Registration"), new("tr", "Kayıt")]))).Keys);

    [Fact]
    public void A_text_in_an_unsupported_language_is_an_error() =>
        Assert.Contains("summary", CatalogValidation.Shape(Service() with { Summary = new LocalizedText("Kurz", "Short").With("xx", "?") }).Keys);

    [Fact]
    public void A_service_in_german_alone_is_valid() =>
        Assert.Empty(CatalogValidation.Shape(Service(title: new LocalizedText([new("de", "Anmeldung")])) with
        {
            Summary = new LocalizedText([new("de", "Kurz")]),
            Documents = [new LocalizedText([new("de", "Ausweis")])],
        }));

    [Fact]
    public void Synonyms_and_statuses_must_name_supported_languages()
    {
        var synonyms = new Synonyms(["Zuzug"]) { ["xx"] = ["?"] };

        Assert.Equal(["synonyms"], CatalogValidation.Shape(Service() with { Synonyms = synonyms }).Keys);
        var german = new Dictionary<string, TranslationStatus> { ["de"] = TranslationStatus.Drafted };
        Assert.Equal(["translations"], CatalogValidation.Shape(Service() with { Translations = german }).Keys);
        Assert.Equal(["translations.tr"], CatalogValidation.Shape(Service() with { Translations = new Dictionary<string, TranslationStatus> { ["tr"] = new("approved") } }).Keys);
    }

    [Theory]
    [InlineData("Anmeldung")]
    [InlineData("a")]
    [InlineData("an meldung")]
    [InlineData("../etc")]
    public void Id_must_be_a_slug(string id) => Assert.Contains("id", CatalogValidation.Shape(Service(id: id)).Keys);

    [Fact]
    public void Online_link_must_be_https() => Assert.Contains("onlineServiceUrl", CatalogValidation.Shape(Service(url: "http://example.org")).Keys);

    [Fact]
    public void Unknown_department_and_location_are_reference_errors()
    {
        var errors = CatalogValidation.References(Service(department: "oktoberfestamt"), new HashSet<string> { "buergerbuero" }, new HashSet<string>());

        Assert.Equal(["departmentId", "locationIds"], errors.Keys.Order());
    }

    private static CatalogFile Sample() => SampleCatalog.Read();

    [Fact]
    public void Every_service_location_and_life_situation_of_the_sample_catalog_is_valid_and_refers_to_what_exists()
    {
        var file = Sample();
        var services = file.Services.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var departments = file.Departments.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var locations = file.Locations.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);

        Assert.All(file.Services, s => Assert.Empty(CatalogValidation.Shape(s).Concat(CatalogValidation.References(s, departments, locations, services))));
        Assert.All(file.LifeSituations!, l => Assert.Empty(CatalogValidation.Shape(l).Concat(CatalogValidation.References(l, services))));
        Assert.All(file.Locations, l => Assert.Empty(CatalogValidation.Aliases(l.Aliases)));
        Assert.Equal(12, file.LifeSituations!.Count);
        Assert.True(file.Services.Count(s => s.Related is { Count: > 0 }) >= 25, "related services are given for at least 25 services");
    }

    [Fact]
    public void No_two_places_and_no_two_departments_share_an_everyday_name()
    {
        var file = Sample();

        var places = file.Locations.SelectMany(l => (l.Aliases ?? []).Select(a => (Alias: a.ToLowerInvariant(), l.Id))).ToList();
        var offices = file.Departments.SelectMany(d => (d.Aliases ?? []).Select(a => (Alias: a.ToLowerInvariant(), d.Id))).ToList();

        Assert.Empty(places.GroupBy(p => p.Alias).Where(g => g.Select(p => p.Id).Distinct().Count() > 1).Select(g => g.Key));
        Assert.Empty(offices.GroupBy(p => p.Alias).Where(g => g.Select(p => p.Id).Distinct().Count() > 1).Select(g => g.Key));
        Assert.Contains(places, p => p.Alias == "kvr");
    }

    [Fact]
    public void A_related_service_must_be_another_known_service_with_a_known_relation()
    {
        var self = Service() with { Related = [new RelatedService("anmeldung", "see-also")] };
        var badRelation = Service() with { Related = [new RelatedService("ummeldung", "cousin")] };
        var unknown = Service() with { Related = [new RelatedService("mondlandung", "see-also")] };
        var good = Service() with { Related = [new RelatedService("meldebescheinigung", "follow-up")] };
        var services = new HashSet<string> { "anmeldung", "meldebescheinigung" };

        Assert.Contains("related[0].serviceId", CatalogValidation.Shape(self).Keys);
        Assert.Contains("related[0].relation", CatalogValidation.Shape(badRelation).Keys);
        Assert.Contains("related", CatalogValidation.References(unknown, new HashSet<string> { "buergerbuero" }, new HashSet<string> { "kvr" }, services).Keys);
        Assert.Empty(CatalogValidation.Shape(good));
        Assert.Empty(CatalogValidation.References(good, new HashSet<string> { "buergerbuero" }, new HashSet<string> { "kvr" }, services));
    }

    [Fact]
    public void A_life_situation_step_must_name_a_known_service()
    {
        var situation = new LifeSituationEntry("umzug", new LocalizedText("Umzug", "Move"), new LocalizedText("Kurz", "Short"), new Synonyms(), false,
            [new LifeSituationStep("anmeldung", null, new StepDeadline(2, "weeks", "move-in", "§ 17 BMG"), null), new LifeSituationStep("teleportation", null, null, null)]);

        Assert.Empty(CatalogValidation.Shape(situation));
        Assert.Equal(["steps"], CatalogValidation.References(situation, new HashSet<string> { "anmeldung" }).Keys);
    }
}
