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
    IReadOnlyList<ServiceEntry> Services,
    IReadOnlyList<LifeSituationEntry>? LifeSituations = null)
{
    public const string CurrentFormat = "mucgov-catalog/1";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}

/// <summary>
/// A department: who answers cases, in which languages, and its business hours (for SLA deadlines); its aliases are
/// what people call it ("Kfz-Stelle", "Einwohnermeldeamt", "Rathaus").
/// </summary>
public sealed record DepartmentEntry(
    string Id,
    LocalizedText Name,
    string? Email,
    string? Phone,
    IReadOnlyList<string> Languages,
    Dictionary<string, List<TimeInterval>> BusinessHours,
    IReadOnlyList<string>? Aliases = null);

/// <summary>
/// A place citizens go to, with opening hours and exceptions, how to get there by public transport, whether it can be
/// reached without steps (null when not known), and what people call it ("KVR", "Standesamt Ruppertstraße", "AWM").
/// </summary>
public sealed record LocationEntry(
    string Id,
    LocalizedText Name,
    string Street,
    string HouseNumber,
    string PostalCode,
    string City,
    bool AppointmentOnly,
    Dictionary<string, List<TimeInterval>> OpeningHours,
    IReadOnlyList<ExceptionEntry>? Exceptions,
    LocalizedText? PublicTransport = null,
    bool? StepFreeAccess = null,
    IReadOnlyList<string>? Aliases = null)
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
    ProcedureEntry? Procedure,
    bool IndividualHandling,
    bool Sensitive,
    IReadOnlyList<RelatedService>? Related = null);

/// <summary>Another service that belongs with this one ("and for my child?").</summary>
/// <param name="ServiceId">The other service.</param>
/// <param name="Relation">One of <see cref="Relations.All"/>.</param>
public sealed record RelatedService(string ServiceId, string Relation);

/// <summary>How a related service relates.</summary>
public static class Relations
{
    public static readonly IReadOnlyList<string> All = ["for-children", "follow-up", "prerequisite", "alternative", "see-also"];
}

/// <summary>
/// A life situation (Lebenslage): an event in a citizen's life and the services it takes, in order, each with the
/// deadline the law sets and, for steps that only apply to some, the question that decides. A sensitive one (grief,
/// hardship) is answered with care and never with a joke.
/// </summary>
public sealed record LifeSituationEntry(
    string Id,
    LocalizedText Title,
    LocalizedText Summary,
    IReadOnlyList<string> Synonyms,
    bool Sensitive,
    IReadOnlyList<LifeSituationStep> Steps);

/// <summary>One step of a life situation: a service of the catalog, what to mind in this situation, its deadline and condition.</summary>
public sealed record LifeSituationStep(string ServiceId, LocalizedText? Note, StepDeadline? Deadline, StepCondition? Condition);

/// <summary>
/// A deadline as data: <paramref name="Count"/> <paramref name="Unit"/> (one of <see cref="Units"/>) from the event
/// <paramref name="From"/> (one of <see cref="Events"/>), and the law that sets it.
/// </summary>
public sealed record StepDeadline(int Count, string Unit, string From, string? LegalBasis)
{
    public static readonly IReadOnlyList<string> Units = ["days", "working-days", "weeks", "months"];

    public static readonly IReadOnlyList<string> Events =
        ["move-in", "move-out", "birth", "death", "marriage", "purchase", "sale", "acquisition", "business-start", "loss"];
}

/// <summary>A step that only applies to some citizens: <paramref name="Key"/> names the fact (car, dog, children), asked once.</summary>
public sealed record StepCondition(string Key, LocalizedText Question);

/// <summary>A procedure the bot can complete in the chat: a form, the trust level to submit it, and what comes of it.</summary>
/// <param name="Id">Stable id of the procedure (form), e.g. <c>meldebescheinigung</c>.</param>
/// <param name="TrustLevel">Bürgerkonto trust level needed to submit online: <c>basic</c>, <c>substantial</c> or <c>high</c>.</param>
/// <param name="Result"><c>document</c> (issued at once) or <c>case</c> (an application for the department).</param>
/// <param name="Confirmation">What the citizen is told after submitting.</param>
/// <param name="Fields">The form, in the order the bot asks.</param>
public sealed record ProcedureEntry(string Id, string TrustLevel, string Result, LocalizedText Confirmation, IReadOnlyList<ProcedureField> Fields);

/// <summary>One field of a procedure's form.</summary>
/// <param name="Name">Name of the value (camelCase), e.g. <c>preferredDate</c>.</param>
/// <param name="Type">One of <c>text</c>, <c>date</c>, <c>postcode</c>, <c>plate</c>, <c>count</c>, <c>choice</c>.</param>
/// <param name="Label">Short label (summary, caseworker's form).</param>
/// <param name="Prompt">The bot's question.</param>
/// <param name="Validation">Rule for the type (see <c>MucGov.Shared.Procedures.FieldRule</c>), e.g. <c>workday:2-60</c>.</param>
/// <param name="PrefillFrom">Bürgerkonto field it is taken from with consent (<c>givenName</c>, <c>familyName</c>, <c>birthDate</c>, <c>address</c>, <c>email</c>,
/// <c>phone</c>).</param>
public sealed record ProcedureField(string Name, string Type, LocalizedText Label, LocalizedText Prompt, string? Validation, string? PrefillFrom);
