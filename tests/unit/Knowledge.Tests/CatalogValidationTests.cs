using MucGov.Knowledge.Catalog;
using Xunit;

namespace MucGov.Knowledge.Tests;

public sealed class CatalogValidationTests
{
    private static ServiceEntry Service(string id = "anmeldung", LocalizedText? title = null, string department = "buergerbuero", string? url = null) => new(
        id, null, department, title ?? new LocalizedText("Anmeldung", "Registration"), new LocalizedText("Kurz", "Short"), new LocalizedText("Lang", "Long"),
        ["Zuzug"], [new LocalizedText("Ausweis", "ID card")], [new LocalizedText("frei", "free")], null, null, url,
        [new LocalizedText("Termin", "Appointment")], true, null, ["kvr"], null, false, false);

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
