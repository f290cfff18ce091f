using MucGov.Ticket.Templates;
using Xunit;

namespace MucGov.Ticket.Tests;

/// <summary>Reply templates: which placeholders they may hold, how they are filled, which language a case gets.</summary>
public sealed class PlaceholdersTests
{
    private static readonly Dictionary<string, string?> Values = new()
    {
        [Placeholders.Name] = "Anna Huber", [Placeholders.Reference] = "M-2026-000123", [Placeholders.Department] = "Bürgerbüro", [Placeholders.Caseworker] = null,
    };

    [Theory]
    [InlineData("Guten Tag {name}, zu {reference}: bitte kommen Sie ins {department}.", "Guten Tag Anna Huber, zu M-2026-000123: bitte kommen Sie ins Bürgerbüro.")]
    [InlineData("Mit freundlichen Grüßen {caseworker}", "Mit freundlichen Grüßen")]
    [InlineData("Ohne Platzhalter {{ bleibt } wie es ist", "Ohne Platzhalter {{ bleibt } wie es ist")]
    public void Fill_puts_in_the_cases_values_and_leaves_out_a_missing_one_with_its_space(string template, string filled) =>
        Assert.Equal(filled, Placeholders.Fill(template, Values));

    [Fact]
    public void Unknown_names_each_placeholder_that_is_not_offered_once()
    {
        Assert.Equal(["vorname", "Name"], Placeholders.Unknown("Hallo {vorname} {Name} {vorname}, {reference}"));
        Assert.Empty(Placeholders.Unknown("Hallo {name}, Ihr Anliegen {reference} bei {department}, {caseworker}"));
    }

    [Theory]
    [InlineData("tr", "tr")]
    [InlineData("uk", "en")]
    [InlineData("bar", "de")]
    [InlineData("xx", "en")]
    public void A_case_gets_its_language_then_the_fallbacks(string caseLanguage, string expected)
    {
        var template = new ReplyTemplate { Texts = new() { ["de"] = "Deutsch", ["en"] = "English", ["tr"] = "Türkçe" } };
        Assert.Equal(expected, Placeholders.For(template, caseLanguage).Language);
    }
}
