using System.Text.Json;
using System.Text.Json.Serialization;
using MucGov.Shared.Calendar;

namespace MucGov.Knowledge.Catalog;

// The catalog exchange format (mucgov-catalog/1), following the FIM/XZuFi service description: the sample file, the
// import and export commands and the editor API all use these records. See docs/knowledge.md.

/// <summary>A text in German and English.</summary>
public sealed record LocalizedText(string De, string En)
{
    public string In(string language) => language == "en" ? En : De;
}

public sealed record CatalogFile(
    [property: JsonPropertyName("$comment")] string? Comment,
    string Format,
    IReadOnlyList<DepartmentEntry> Departments,
    IReadOnlyList<LocationEntry> Locations,
    IReadOnlyList<ServiceEntry> Services)
{
    public const string CurrentFormat = "mucgov-catalog/1";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}

/// <summary>A department: who answers cases, in which languages, and its business hours (for SLA deadlines).</summary>
public sealed record DepartmentEntry(
    string Id,
    LocalizedText Name,
    string? Email,
    string? Phone,
    IReadOnlyList<string> Languages,
    Dictionary<string, List<TimeInterval>> BusinessHours);

/// <summary>A place citizens go to, with opening hours and exceptions.</summary>
public sealed record LocationEntry(
    string Id,
    LocalizedText Name,
    string Street,
    string HouseNumber,
    string PostalCode,
    string City,
    bool AppointmentOnly,
    Dictionary<string, List<TimeInterval>> OpeningHours,
    IReadOnlyList<ExceptionEntry>? Exceptions)
{
    public string AddressLine => $"{Street} {HouseNumber}, {PostalCode} {City}";

    public WeeklySchedule Schedule => new() { Days = OpeningHours };

    public IReadOnlyList<ScheduleException> ScheduleExceptions =>
        [.. (Exceptions ?? []).Select(e => new ScheduleException(e.Date, e.Closed, e.Hours, e.Note?.De, e.Note?.En))];
}

public sealed record ExceptionEntry(DateOnly Date, bool Closed, List<TimeInterval>? Hours, LocalizedText? Note);

/// <summary>A service (Leistung) of the city.</summary>
public sealed record ServiceEntry(
    string Id,
    string? LeikaKey,
    string DepartmentId,
    LocalizedText Title,
    LocalizedText Summary,
    LocalizedText Description,
    IReadOnlyList<string> Synonyms,
    IReadOnlyList<LocalizedText> Documents,
    IReadOnlyList<LocalizedText> Fees,
    LocalizedText? ProcessingTime,
    string? LegalBasis,
    string? OnlineServiceUrl,
    IReadOnlyList<LocalizedText> Checklist,
    bool AppointmentRequired,
    string? OnlineTrustLevel,
    IReadOnlyList<string> LocationIds,
    string? ProcedureId,
    bool IndividualHandling,
    bool Sensitive);
