using MucGov.Shared.Procedures;
using Xunit;

namespace MucGov.Shared.Tests;

public sealed class FieldRuleTests
{
    // Thursday, 26 November 2026.
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static FieldAnswer Check(string type, string? rule, string answer) => FieldRule.Parse(type, rule, out _)!.Check(answer, Today);

    [Theory]
    [InlineData("3.12.2026", "2026-12-03")]
    [InlineData("03.12.2026", "2026-12-03")]
    [InlineData("2026-12-03", "2026-12-03")]
    public void Dates_are_read_in_german_and_iso_form(string answer, string stored) => Assert.Equal(stored, Check("date", "workday:3-60", answer).Value);

    [Theory]
    [InlineData("27.11.2026", "dateRange", "29.11.2026")]
    [InlineData("5.12.2026", "workday", null)]
    [InlineData("25.12.2026", "workday", null)]
    [InlineData("morgen", "date", null)]
    [InlineData("31.2.2027", "date", null)]
    public void Pickup_dates_too_soon_on_weekends_holidays_or_unreadable_are_asked_again(string answer, string problem, string? first)
    {
        var checkedAnswer = Check("date", "workday:3-60", answer);

        Assert.False(checkedAnswer.Valid);
        Assert.Equal(problem, checkedAnswer.Problem);
        Assert.Equal(first, checkedAnswer.Values.Where(v => v.Name == "first").Select(v => v.Value).SingleOrDefault());
    }

    [Fact]
    public void A_past_date_rule_refuses_the_future() => Assert.False(Check("date", "past", "1.1.2027").Valid);

    [Theory]
    [InlineData("80331", true)]
    [InlineData("81 929", true)]
    [InlineData("10115", false)]
    [InlineData("8033", false)]
    public void Munich_postcodes_only(string answer, bool valid) => Assert.Equal(valid, Check("postcode", "munich", answer).Valid);

    [Theory]
    [InlineData("M-AB 1234", "M-AB 1234")]
    [InlineData("m ab 1234", "M-AB 1234")]
    [InlineData("FFB-X 7E", "FFB-X 7E")]
    [InlineData("STA-ZU 99H", "STA-ZU 99H")]
    public void Number_plates_are_normalised(string answer, string stored) => Assert.Equal(stored, Check("plate", "de", answer).Value);

    [Theory]
    [InlineData("M-AB 0123")]
    [InlineData("MABCD-A 1")]
    [InlineData("12345")]
    public void Malformed_number_plates_are_refused(string answer) => Assert.False(Check("plate", "de", answer).Valid);

    [Theory]
    [InlineData("1", true)]
    [InlineData("30", true)]
    [InlineData("0", false)]
    [InlineData("31", false)]
    [InlineData("drei", false)]
    [InlineData("-2", false)]
    public void Counts_stay_in_their_range(string answer, bool valid) => Assert.Equal(valid, Check("count", "1-30", answer).Valid);

    [Fact]
    public void Choices_are_matched_ignoring_case() => Assert.Equal("Arbeitgeber", Check("choice", "Behörde|Arbeitgeber", "arbeitgeber").Value);

    [Theory]
    [InlineData("text", "length:5")]
    [InlineData("date", "soon")]
    [InlineData("count", "10-1")]
    [InlineData("postcode", "berlin")]
    [InlineData("colour", null)]
    public void Unknown_rules_and_types_do_not_parse(string type, string? rule)
    {
        Assert.Null(FieldRule.Parse(type, rule, out var problem));
        Assert.NotNull(problem);
    }
}
