using MucGov.Contracts.Conversation;
using MucGov.Ticket.Cases;
using Xunit;

namespace MucGov.Ticket.Tests;

/// <summary>What the queue search looks through for a case: its search text, one part per line.</summary>
public sealed class CaseSearchTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void The_search_text_holds_reference_name_citizen_data_transcript_and_form_one_part_per_line()
    {
        var citizen = new Dictionary<string, string> { ["givenName"] = "Anna", ["familyName"] = "Huber", ["email"] = "anna.huber@example.org" };
        TranscriptEntry[] transcript = [new(1, "citizen", "Mein Pass ist weg", At), new(2, "bot", "Soll ich Sie verbinden?", At)];
        FormValue[] form = [new("street", "Straße", "Marienplatz 8"), new("reason", "Grund", "Umzug")];

        var text = CaseSearch.TextOf("M-2026-000123", citizen, transcript, form);

        Assert.Equal(
            "M-2026-000123\nAnna Huber\nanna.huber@example.org\nHuber\nAnna\nMein Pass ist weg\nSoll ich Sie verbinden?\nMarienplatz 8\nUmzug", text);
    }

    [Fact]
    public void Citizen_data_comes_in_the_order_of_its_field_names_whatever_order_it_arrived_in()
    {
        var one = new Dictionary<string, string> { ["phone"] = "089 1234", ["birthDate"] = "1990-01-01", ["address"] = "Marienplatz 8" };
        var other = new Dictionary<string, string> { ["address"] = "Marienplatz 8", ["phone"] = "089 1234", ["birthDate"] = "1990-01-01" };

        Assert.Equal("M-2026-000001\n\nMarienplatz 8\n1990-01-01\n089 1234", CaseSearch.TextOf("M-2026-000001", one, [], null));
        Assert.Equal(CaseSearch.TextOf("M-2026-000001", one, [], null), CaseSearch.TextOf("M-2026-000001", other, [], null));
    }

    [Fact]
    public void Without_citizen_data_the_name_line_is_empty_and_a_missing_form_adds_nothing()
    {
        var text = CaseSearch.TextOf("M-2026-000002", new Dictionary<string, string>(), [new(1, "citizen", "Hallo", At)], null);

        Assert.Equal("M-2026-000002\n\nHallo", text);
    }

    [Fact]
    public void A_family_name_alone_is_the_name()
    {
        var text = CaseSearch.TextOf("M-2026-000003", new Dictionary<string, string> { ["familyName"] = "Huber" }, [], []);

        Assert.Equal("M-2026-000003\nHuber\nHuber", text);
    }
}
