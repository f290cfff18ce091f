using MucGov.Knowledge.Catalog;
using Xunit;

namespace MucGov.Knowledge.Tests;

public sealed class CatalogValidationTests
{
    private static ServiceEntry Service(string id = "anmeldung", LocalizedText? title = null, string department = "buergerbuero", string? url = null,
        ProcedureEntry? procedure = null) => new(
        id, null, department, title ?? new LocalizedText("Anmeldung", "Registration"), new LocalizedText("Kurz", "Short"), new LocalizedText("Lang", "Long"),
        ["Zuzug"], [new LocalizedText("Ausweis", "ID card")], [new LocalizedText("frei", "free")], null, null, url,
        [new LocalizedText("Termin", "Appointment")], true, null, ["kvr"], procedure, false, false);

    private static ProcedureField Field(string name, string type, string? validation = null, string? prefill = null) =>
        new(name, type, new LocalizedText("Feld", "Field"), new LocalizedText("Frage?", "Question?"), validation, prefill);

    private static ProcedureEntry Procedure(string result = "case", string trust = "basic", params ProcedureField[] fields) =>
        new("sperrmuell", trust, result, new LocalizedText("Danke.", "Thank you."), fields.Length > 0 ? fields : [Field("address", "text", prefill: "address")]);

    [Fact]
    public void Every_procedure_of_the_sample_catalog_is_valid()
    {
        var file = System.Text.Json.JsonSerializer.Deserialize<CatalogFile>(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Catalog", "Sample", "catalog.json")), CatalogFile.Json)!;

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
    public void Missing_english_title_is_an_error() =>
        Assert.Contains("title", CatalogValidation.Shape(Service(title: new LocalizedText("Anmeldung", " "))).Keys);

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
}
