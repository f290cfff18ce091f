using System.Globalization;
using System.Text.RegularExpressions;
using MucGov.Shared.Calendar;

namespace MucGov.Shared.Procedures;

/// <summary>The field types a procedure's form may have.</summary>
public static class FieldTypes
{
    /// <summary>Free text of a length.</summary>
    public const string Text = "text";

    /// <summary>A date, in the past, the future or on a working day.</summary>
    public const string Date = "date";

    /// <summary>A German (or Munich) postcode.</summary>
    public const string Postcode = "postcode";

    /// <summary>A German number plate.</summary>
    public const string Plate = "plate";

    /// <summary>A whole number in a range.</summary>
    public const string Count = "count";

    /// <summary>One of a list the catalog gives.</summary>
    public const string Choice = "choice";

    /// <summary>All field types.</summary>
    public static readonly IReadOnlyList<string> All = [Text, Date, Postcode, Plate, Count, Choice];
}

/// <summary>The Bürgerkonto fields a procedure may prefill from (the names <c>GetCitizenProfile</c> knows).</summary>
public static class PrefillSources
{
    /// <summary>All Bürgerkonto fields a form may prefill from.</summary>
    public static readonly IReadOnlyList<string> All = ["givenName", "familyName", "birthDate", "address", "email", "phone"];
}

/// <summary>
/// A checked answer: the value to store (normalised), or what is wrong with it — a <see cref="Problem"/> (one of
/// <see cref="FieldProblems"/>) with the values its hint names. The hint's words are the bot's, in the chat's language.
/// </summary>
public sealed record FieldAnswer(bool Valid, string? Value, string? Problem, IReadOnlyList<(string Name, string Value)> Values)
{
    /// <summary>A valid answer, stored as <paramref name="value"/>.</summary>
    public static FieldAnswer Ok(string value) => new(true, value, null, []);

    /// <summary>An invalid answer: what is wrong, and the values the hint names (e.g. <c>min</c>, <c>max</c>).</summary>
    public static FieldAnswer Wrong(string problem, params (string Name, string Value)[] values) => new(false, null, problem, values);
}

/// <summary>What can be wrong with an answer (the bot's text table holds the hint for each as <c>procedure.invalid.NAME</c>).</summary>
public static class FieldProblems
{
    /// <summary>Text too short or too long ({min}, {max}).</summary>
    public const string Length = "length";
    /// <summary>Not a date the form reads.</summary>
    public const string Date = "date";
    /// <summary>A date in the future where only past ones count.</summary>
    public const string Future = "future";
    /// <summary>A date outside the days allowed ({first}, {last}).</summary>
    public const string DateRange = "dateRange";
    /// <summary>A weekend day or a Munich public holiday.</summary>
    public const string Workday = "workday";
    /// <summary>Not five digits.</summary>
    public const string Postcode = "postcode";
    /// <summary>A postcode outside Munich.</summary>
    public const string MunichPostcode = "munichPostcode";
    /// <summary>Not a German number plate.</summary>
    public const string Plate = "plate";
    /// <summary>Not a whole number in the range ({min}, {max}).</summary>
    public const string Count = "count";
    /// <summary>None of the choices ({choices}).</summary>
    public const string Choice = "choice";

    /// <summary>Every problem.</summary>
    public static readonly IReadOnlyList<string> All = [Length, Date, Future, DateRange, Workday, Postcode, MunichPostcode, Plate, Count, Choice];
}

/// <summary>
/// A field's validation rule, written in the catalog as a short string per type:
/// <list type="bullet">
/// <item><c>text</c>: <c>length:MIN-MAX</c> (default 1-200)</item>
/// <item><c>date</c>: <c>future:MIN-MAX</c> (days from today), <c>workday:MIN-MAX</c> (the same, Monday to Friday and not a
/// Munich public holiday) or <c>past</c>; default any date</item>
/// <item><c>postcode</c>: <c>munich</c> (80331–81929) or <c>de</c> (five digits; default)</item>
/// <item><c>plate</c>: <c>de</c> (German number plate, e.g. <c>M-AB 1234</c>; default)</item>
/// <item><c>count</c>: <c>MIN-MAX</c> (default 1-99)</item>
/// <item><c>choice</c>: <c>a|b|c</c> (required)</item>
/// </list>
/// </summary>
public sealed partial record FieldRule(string Type, string Kind, int Min, int Max, IReadOnlyList<string> Choices)
{
    /// <summary>Parses <paramref name="rule"/> for a field of <paramref name="type"/>; null with <paramref name="problem"/> when it is not valid.</summary>
    public static FieldRule? Parse(string type, string? rule, out string? problem)
    {
        problem = null;
        var text = rule?.Trim() ?? "";
        switch (type)
        {
            case FieldTypes.Text when text.Length == 0:
                return new FieldRule(type, "length", 1, 200, []);
            case FieldTypes.Text when Range("length", text) is { } length:
                return new FieldRule(type, "length", length.Min, length.Max, []);
            case FieldTypes.Date when text.Length == 0:
                return new FieldRule(type, "any", int.MinValue, int.MaxValue, []);
            case FieldTypes.Date when text == "past":
                return new FieldRule(type, "past", int.MinValue, 0, []);
            case FieldTypes.Date when Range("future", text) is { } days:
                return new FieldRule(type, "future", days.Min, days.Max, []);
            case FieldTypes.Date when Range("workday", text) is { } workdays:
                return new FieldRule(type, "workday", workdays.Min, workdays.Max, []);
            case FieldTypes.Postcode when text is "" or "de" or "munich":
                return new FieldRule(type, text is "" ? "de" : text, 0, 0, []);
            case FieldTypes.Plate when text is "" or "de":
                return new FieldRule(type, "de", 0, 0, []);
            case FieldTypes.Count when text.Length == 0:
                return new FieldRule(type, "range", 1, 99, []);
            case FieldTypes.Count when Range(null, text) is { } count:
                return new FieldRule(type, "range", count.Min, count.Max, []);
            case FieldTypes.Choice when text.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) is { Length: >= 2 } choices:
                return new FieldRule(type, "choice", 0, 0, choices);
        }

        problem = FieldTypes.All.Contains(type)
            ? $"'{rule}' is not a validation rule for a {type} field."
            : $"'{type}' is not a field type ({string.Join(", ", FieldTypes.All)}).";
        return null;
    }

    /// <summary>Checks a citizen's answer (as typed) against the rule, for the day <paramref name="today"/> in Munich.</summary>
    public FieldAnswer Check(string answer, DateOnly today)
    {
        var text = answer.Trim();
        switch (Type)
        {
            case FieldTypes.Text:
                return text.Length >= Min && text.Length <= Max
                    ? FieldAnswer.Ok(text)
                    : FieldAnswer.Wrong(FieldProblems.Length, ("min", Number(Min)), ("max", Number(Max)));
            case FieldTypes.Date:
                if (!TryDate(text, out var date))
                {
                    return FieldAnswer.Wrong(FieldProblems.Date);
                }

                var offset = date.DayNumber - today.DayNumber;
                if (Kind == "past" && offset > 0)
                {
                    return FieldAnswer.Wrong(FieldProblems.Future);
                }

                if (Kind is "future" or "workday" && (offset < Min || offset > Max))
                {
                    var first = today.AddDays(Min).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
                    var last = today.AddDays(Max).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
                    return FieldAnswer.Wrong(FieldProblems.DateRange, ("first", first), ("last", last));
                }

                if (Kind == "workday" && (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || MunichCalendar.IsPublicHoliday(date)))
                {
                    return FieldAnswer.Wrong(FieldProblems.Workday);
                }

                return FieldAnswer.Ok(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            case FieldTypes.Postcode:
                var digits = text.Replace(" ", "", StringComparison.Ordinal);
                if (!PostcodePattern().IsMatch(digits))
                {
                    return FieldAnswer.Wrong(FieldProblems.Postcode);
                }

                var number = int.Parse(digits, CultureInfo.InvariantCulture);
                return Kind == "munich" && number is < 80331 or > 81929
                    ? FieldAnswer.Wrong(FieldProblems.MunichPostcode)
                    : FieldAnswer.Ok(digits);
            case FieldTypes.Plate:
                var plate = PlatePattern().Match(text.ToUpperInvariant());
                return plate.Success
                    ? FieldAnswer.Ok($"{plate.Groups["district"].Value}-{plate.Groups["letters"].Value} {plate.Groups["digits"].Value}{plate.Groups["suffix"].Value}")
                    : FieldAnswer.Wrong(FieldProblems.Plate);
            case FieldTypes.Count:
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= Min && count <= Max
                    ? FieldAnswer.Ok(count.ToString(CultureInfo.InvariantCulture))
                    : FieldAnswer.Wrong(FieldProblems.Count, ("min", Number(Min)), ("max", Number(Max)));
            default:
                var choice = Choices.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase));
                return choice is not null
                    ? FieldAnswer.Ok(choice)
                    : FieldAnswer.Wrong(FieldProblems.Choice, ("choices", string.Join(", ", Choices)));
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, ["d.M.yyyy", "dd.MM.yyyy", "yyyy-MM-dd", "d.M.yy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static (int Min, int Max)? Range(string? prefix, string text)
    {
        var body = prefix is null ? text : text.StartsWith(prefix + ":", StringComparison.Ordinal) ? text[(prefix.Length + 1)..] : null;
        var parts = body?.Split('-');
        return parts is [var min, var max]
            && int.TryParse(min, NumberStyles.None, CultureInfo.InvariantCulture, out var low)
            && int.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out var high) && low <= high
            ? (low, high)
            : null;
    }

    [GeneratedRegex("^[0-9]{5}$")]
    private static partial Regex PostcodePattern();

    // District (1–3 letters), 1–2 letters, 1–4 digits not starting with 0, optional E (electric) or H (historic).
    [GeneratedRegex(@"^(?<district>[A-ZÄÖÜ]{1,3})[\s-]+(?<letters>[A-Z]{1,2})[\s-]*(?<digits>[1-9][0-9]{0,3})(?<suffix>[EH]?)$")]
    private static partial Regex PlatePattern();
}
