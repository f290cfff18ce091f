using Microsoft.Extensions.Time.Testing;
using MucGov.Shared.Calendar;
using MucGov.Ticket.Departments;
using MucGov.Ticket.Sla;
using Xunit;

namespace MucGov.Ticket.Tests;

public sealed class SlaTests
{
    private static readonly TimeSpan OneWorkingDay = TimeSpan.FromHours(8);

    private static WeeklySchedule Schedule(params (string Day, string From, string To)[] intervals) => new()
    {
        Days = intervals.GroupBy(i => i.Day).ToDictionary(g => g.Key, g => g.Select(i => TimeInterval.Parse(i.From, i.To)).ToList()),
    };

    private static readonly WeeklySchedule OfficeHours = Schedule(
        ("mon", "08:00", "16:00"), ("tue", "08:00", "16:00"), ("wed", "08:00", "16:00"), ("thu", "08:00", "16:00"), ("fri", "08:00", "16:00"));

    [Fact]
    public void Deadline_skips_good_friday_the_easter_weekend_and_easter_monday()
    {
        // Maundy Thursday 2026, 14:00 in Munich: two hours left that day, then four days without business hours.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 4, 2, 14, 0, 0, TimeSpan.FromHours(2)));

        var due = SlaClock.Deadline(clock.GetUtcNow(), OneWorkingDay, OfficeHours);

        Assert.Equal(new DateTimeOffset(2026, 4, 7, 14, 0, 0, TimeSpan.FromHours(2)), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
    }

    [Fact]
    public void Deadline_skips_the_assumption_holiday_munich_keeps()
    {
        // Thursday 14 August 2025, 15:00: one hour, then Friday 15 August (a holiday in Munich) and the weekend.
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 8, 14, 15, 0, 0, TimeSpan.FromHours(2)));

        var due = SlaClock.Deadline(clock.GetUtcNow(), OneWorkingDay, OfficeHours);

        Assert.Equal(new DateTimeOffset(2025, 8, 18, 15, 0, 0, TimeSpan.FromHours(2)), due);
    }

    [Fact]
    public void A_case_opened_on_saturday_counts_from_monday_morning()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 11, 30, 0, TimeSpan.FromHours(1)));

        var due = SlaClock.Deadline(clock.GetUtcNow(), TimeSpan.FromHours(2), OfficeHours);

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(1)), due);
    }

    [Fact]
    public void Lunch_breaks_and_short_fridays_do_not_count()
    {
        var hours = Schedule(("thu", "08:00", "12:00"), ("thu", "13:00", "18:00"), ("fri", "08:00", "12:00"));
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 11, 0, 0, TimeSpan.FromHours(1)));

        // Thursday: 1 h before lunch + 5 h after; Friday: 4 h; the last 2 h on Thursday next week, until 10:00.
        var due = SlaClock.Deadline(clock.GetUtcNow(), TimeSpan.FromHours(12), hours);

        Assert.Equal(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.FromHours(1)), due);
    }

    [Fact]
    public void Deadline_crossing_the_switch_to_summer_time_counts_business_hours_not_clock_hours()
    {
        // Friday 27 March 2026 15:00 CET; the clocks go forward on Sunday; Monday counts in CEST.
        var due = SlaClock.Deadline(new DateTimeOffset(2026, 3, 27, 15, 0, 0, TimeSpan.FromHours(1)), TimeSpan.FromHours(3), OfficeHours);

        Assert.Equal(new DateTimeOffset(2026, 3, 30, 10, 0, 0, TimeSpan.FromHours(2)), due);
    }

    [Fact]
    public void A_department_without_business_hours_counts_in_the_default_week()
    {
        var start = new DateTimeOffset(2026, 11, 27, 15, 0, 0, TimeSpan.FromHours(1));

        Assert.Equal(SlaClock.Deadline(start, OneWorkingDay, DepartmentCalendar.DefaultSchedule), SlaClock.Deadline(start, OneWorkingDay, new WeeklySchedule()));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.FromHours(1)), SlaClock.Deadline(start, OneWorkingDay, null));
    }

    [Fact]
    public void Zero_budget_outside_hours_is_the_next_opening()
    {
        var due = BusinessTime.Add(new DateTimeOffset(2026, 12, 24, 18, 0, 0, TimeSpan.FromHours(1)), TimeSpan.Zero, OfficeHours);

        // Christmas Day and St Stephen's Day are holidays, then the weekend.
        Assert.Equal(new DateTimeOffset(2026, 12, 28, 8, 0, 0, TimeSpan.FromHours(1)), due);
    }
}
