using System.Globalization;
using System.Text.Json.Serialization;

namespace MucGov.Shared.Calendar;

/// <summary>A span of local time on one day, <c>["08:00","12:00"]</c> in JSON; start before end.</summary>
[JsonConverter(typeof(TimeIntervalJsonConverter))]
public readonly record struct TimeInterval(TimeOnly Start, TimeOnly End)
{
    /// <summary>Whether <paramref name="time"/> lies in the interval (the start counts, the end does not).</summary>
    public bool Contains(TimeOnly time) => time >= Start && time < End;

    /// <summary>As people read it: <c>08:00–12:00</c>.</summary>
    public override string ToString() => $"{Start:HH\\:mm}–{End:HH\\:mm}";

    /// <summary>Reads <c>HH:mm</c> times; throws <see cref="FormatException"/> unless the start is before the end.</summary>
    public static TimeInterval Parse(string start, string end)
    {
        var interval = new TimeInterval(
            TimeOnly.ParseExact(start, "HH:mm", CultureInfo.InvariantCulture),
            TimeOnly.ParseExact(end, "HH:mm", CultureInfo.InvariantCulture));
        return interval.Start < interval.End ? interval : throw new FormatException($"{start}–{end}: the start must be before the end.");
    }
}

/// <summary>Opening or business hours per weekday (<c>mon</c> … <c>sun</c>), several intervals a day.</summary>
public sealed class WeeklySchedule
{
    private static readonly string[] Keys = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    /// <summary>Intervals by day key (<c>mon</c> … <c>sun</c>); a missing day is closed.</summary>
    public Dictionary<string, List<TimeInterval>> Days { get; init; } = [];

    /// <summary>The intervals of <paramref name="day"/>, none when closed.</summary>
    public IReadOnlyList<TimeInterval> On(DayOfWeek day) =>
        Days.TryGetValue(Keys[(int)day], out var intervals) ? intervals : [];

    /// <summary>Problems with the schedule (unknown day names, overlapping intervals); empty when valid.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var (day, intervals) in Days)
        {
            if (!Keys.Contains(day))
            {
                yield return $"'{day}' is not a day (mon … sun).";
            }

            var ordered = intervals.OrderBy(i => i.Start).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                if (ordered[i].Start < ordered[i - 1].End)
                {
                    yield return $"{day}: {ordered[i - 1]} and {ordered[i]} overlap.";
                }
            }
        }
    }
}

/// <summary>A day that differs from the weekly schedule: closed, or other hours.</summary>
public sealed record ScheduleException(DateOnly Date, bool Closed, IReadOnlyList<TimeInterval>? Hours = null, string? NoteDe = null, string? NoteEn = null);

internal sealed class TimeIntervalJsonConverter : JsonConverter<TimeInterval>
{
    public override TimeInterval Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options)
    {
        var parts = System.Text.Json.JsonSerializer.Deserialize<string[]>(ref reader, options);
        return parts is { Length: 2 } ? TimeInterval.Parse(parts[0], parts[1]) : throw new System.Text.Json.JsonException("An interval is [\"HH:mm\", \"HH:mm\"].");
    }

    public override void Write(System.Text.Json.Utf8JsonWriter writer, TimeInterval value, System.Text.Json.JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteStringValue(value.Start.ToString("HH:mm", CultureInfo.InvariantCulture));
        writer.WriteStringValue(value.End.ToString("HH:mm", CultureInfo.InvariantCulture));
        writer.WriteEndArray();
    }
}
