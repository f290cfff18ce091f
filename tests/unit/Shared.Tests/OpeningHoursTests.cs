using MucGov.Shared.Calendar;
using Xunit;

namespace MucGov.Shared.Tests;

public sealed class OpeningHoursTests
{
    // Mon–Fri 08:00–12:00, Mon/Thu also 13:00–18:00; closed at weekends.
    private static readonly WeeklySchedule Office = new()
    {
        Days = new()
        {
            ["mon"] = [TimeInterval.Parse("08:00", "12:00"), TimeInterval.Parse("13:00", "18:00")],
            ["tue"] = [TimeInterval.Parse("08:00", "12:00")],
            ["wed"] = [TimeInterval.Parse("08:00", "12:00")],
            ["thu"] = [TimeInterval.Parse("08:00", "12:00"), TimeInterval.Parse("13:00", "18:00")],
            ["fri"] = [TimeInterval.Parse("08:00", "12:00")],
        },
    };

    private static DateTimeOffset Munich(int year, int month, int day, int hour, int minute, int offsetHours) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(offsetHours));

    [Fact]
    public void Open_inside_an_interval_and_closes_at_its_end()
    {
        var status = OpeningHours.StatusAt(Munich(2026, 11, 23, 9, 30, 1), Office, []);

        Assert.True(status.Open);
        Assert.Equal(Munich(2026, 11, 23, 12, 0, 1), status.ClosesAt);
    }

    [Fact]
    public void The_first_minute_is_open_and_the_closing_minute_is_closed()
    {
        Assert.True(OpeningHours.StatusAt(Munich(2026, 11, 24, 8, 0, 1), Office, []).Open);
        Assert.True(OpeningHours.StatusAt(Munich(2026, 11, 24, 11, 59, 1), Office, []).Open);
        var atClosing = OpeningHours.StatusAt(Munich(2026, 11, 24, 12, 0, 1), Office, []);
        Assert.False(atClosing.Open);
        Assert.Equal(Munich(2026, 11, 25, 8, 0, 1), atClosing.NextOpening);
    }

    [Fact]
    public void Lunch_break_points_to_the_afternoon_interval()
    {
        var status = OpeningHours.StatusAt(Munich(2026, 11, 26, 12, 30, 1), Office, []);

        Assert.False(status.Open);
        Assert.Equal(Munich(2026, 11, 26, 13, 0, 1), status.NextOpening);
    }

    [Fact]
    public void Friday_afternoon_points_to_monday_morning()
    {
        var status = OpeningHours.StatusAt(Munich(2026, 11, 27, 15, 0, 1), Office, []);

        Assert.Equal(Munich(2026, 11, 30, 8, 0, 1), status.NextOpening);
    }

    [Fact]
    public void Closed_on_a_bavarian_holiday_and_open_the_next_working_day()
    {
        // Whit Monday 2026 is 25 May.
        var status = OpeningHours.StatusAt(Munich(2026, 5, 25, 9, 0, 2), Office, []);

        Assert.False(status.Open);
        Assert.Equal("holiday", status.Reason);
        Assert.Equal(Munich(2026, 5, 26, 8, 0, 2), status.NextOpening);
    }

    [Theory]
    [InlineData(2028, 8, 15)] // Mariä Himmelfahrt, kept in Munich
    [InlineData(2026, 11, 1)] // All Saints (a Sunday)
    [InlineData(2027, 1, 6)] // Epiphany
    [InlineData(2026, 6, 4)] // Corpus Christi
    public void Munich_keeps_the_bavarian_catholic_holidays(int year, int month, int day) =>
        Assert.True(MunichCalendar.IsPublicHoliday(new DateOnly(year, month, day)));

    [Theory]
    [InlineData(2026, 8, 8)] // Augsburg's Friedensfest: not in Munich
    [InlineData(2026, 11, 18)] // Buß- und Bettag: not a holiday in Bavaria
    [InlineData(2026, 10, 31)] // Reformation Day: not in Bavaria
    public void Other_regions_holidays_do_not_count(int year, int month, int day) =>
        Assert.False(MunichCalendar.IsPublicHoliday(new DateOnly(year, month, day)));

    [Fact]
    public void Across_the_spring_switch_the_next_opening_is_in_summer_time()
    {
        // Clocks go forward on Sunday 29 March 2026; Monday 08:00 is 06:00 UTC, not 07:00.
        var status = OpeningHours.StatusAt(Munich(2026, 3, 27, 16, 0, 1), Office, []);

        Assert.Equal(new DateTimeOffset(2026, 3, 30, 6, 0, 0, TimeSpan.Zero), status.NextOpening!.Value.ToUniversalTime());
    }

    [Fact]
    public void Across_the_autumn_switch_the_next_opening_is_in_winter_time()
    {
        // Clocks go back on Sunday 25 October 2026; Monday 08:00 is 07:00 UTC.
        var status = OpeningHours.StatusAt(Munich(2026, 10, 23, 16, 0, 2), Office, []);

        Assert.Equal(new DateTimeOffset(2026, 10, 26, 7, 0, 0, TimeSpan.Zero), status.NextOpening!.Value.ToUniversalTime());
    }

    [Fact]
    public void Instant_given_in_utc_is_judged_in_munich_time()
    {
        // 07:30 UTC in summer is 09:30 in Munich: open.
        Assert.True(OpeningHours.StatusAt(new DateTimeOffset(2026, 7, 7, 7, 30, 0, TimeSpan.Zero), Office, []).Open);
    }

    [Fact]
    public void Exception_closes_a_normal_day_and_special_hours_replace_it()
    {
        ScheduleException[] exceptions =
        [
            new(new DateOnly(2026, 12, 24), Closed: true),
            new(new DateOnly(2026, 12, 30), Closed: false, Hours: [TimeInterval.Parse("10:00", "11:00")]),
        ];

        var christmasEve = OpeningHours.StatusAt(Munich(2026, 12, 24, 9, 0, 1), Office, exceptions);
        var shortDay = OpeningHours.StatusAt(Munich(2026, 12, 30, 9, 0, 1), Office, exceptions);

        Assert.False(christmasEve.Open);
        Assert.Equal("exception", christmasEve.Reason);
        Assert.False(shortDay.Open);
        Assert.Equal(Munich(2026, 12, 30, 10, 0, 1), shortDay.NextOpening);
    }

    [Fact]
    public void Overlapping_intervals_are_reported()
    {
        var schedule = new WeeklySchedule { Days = new() { ["mon"] = [TimeInterval.Parse("08:00", "12:00"), TimeInterval.Parse("11:00", "13:00")], ["funday"] = [] } };

        Assert.Equal(2, schedule.Problems().Count());
        Assert.Throws<FormatException>(() => TimeInterval.Parse("12:00", "08:00"));
    }
}
