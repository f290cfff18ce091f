using System.Text.Json;
using System.Text.Json.Serialization;
using MucGov.Shared.Calendar;
using MucGov.Shared.Languages;

namespace MucGov.Knowledge.Catalog;

// The catalog exchange format (mucgov-catalog/2; /1 files are read too), following the FIM/XZuFi service description: the sample file, the
// import and export commands and the editor API all use these records. See docs/knowledge.md.

/// <summary>
/// A text keyed by language (<c>{ "de": "…", "en": "…", "tr": "…" }</c>). German is required and binding; the other
/// languages are translations, whose status the entity keeps (<see cref="TranslationStatus"/>).
/// </summary>
public sealed class LocalizedText : Dictionary<string, string>
{
    public LocalizedText()
        : base(StringComparer.Ordinal)
    {
    }

    public LocalizedText(string de, string en)
        : this()
    {
        this[SupportedLanguages.German] = de;
        this[SupportedLanguages.English] = en;
    }

    public LocalizedText(IEnumerable<KeyValuePair<string, string>> texts)
        : base(texts, StringComparer.Ordinal)
    {
    }

    /// <summary>The German text (binding).</summary>
    public string De => this.GetValueOrDefault(SupportedLanguages.German) ?? "";

    /// <summary>The English text, or the German one where there is none.</summary>
    public string En => Has(SupportedLanguages.English) ? this[SupportedLanguages.English] : De;

    /// <summary>Whether there is a text in <paramref name="language"/>.</summary>
    public bool Has(string language) => TryGetValue(language, out var text) && !string.IsNullOrWhiteSpace(text);

    /// <summary>The text for <paramref name="language"/>, or its fallback's (<see cref="SupportedLanguages.Fallbacks"/>).</summary>
    public string In(string language) => Resolve(language).Text;

    /// <summary>The text for <paramref name="language"/> or its fallback's, with the language it is written in.</summary>
    public (string Text, string Language) Resolve(string language)
    {
        foreach (var candidate in SupportedLanguages.Fallbacks(language))
        {
            if (Has(candidate))
            {
                return (this[candidate], candidate);
            }
        }

        return (De, SupportedLanguages.German);
    }

    /// <summary>A copy with <paramref name="language"/>'s text set.</summary>
    public LocalizedText With(string language, string text) => new(this) { [language] = text };

    public override bool Equals(object? obj) =>
        obj is LocalizedText other && other.Count == Count && this.All(t => other.TryGetValue(t.Key, out var text) && text == t.Value);

    public override int GetHashCode() => this.Aggregate(0, (hash, t) => hash ^ HashCode.Combine(t.Key, t.Value));

    /// <summary>Texts are equal when they say the same in the same languages.</summary>
    public static bool operator ==(LocalizedText? left, LocalizedText? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(LocalizedText? left, LocalizedText? right) => !(left == right);
}

/// <summary>
/// Synonyms keyed by language (<c>{ "de": ["Perso"], "tr": ["kimlik"] }</c>). A format-1 file's single list is read as
/// German (it mixes languages; search reads every language's synonyms anyway).
/// </summary>
[JsonConverter(typeof(SynonymsConverter))]
public sealed class Synonyms : Dictionary<string, IReadOnlyList<string>>
{
    public Synonyms()
        : base(StringComparer.Ordinal)
    {
    }

    public Synonyms(IEnumerable<string> german)
        : this()
    {
        this[SupportedLanguages.German] = [.. german];
    }

    /// <summary>Every synonym, of every language.</summary>
    public IReadOnlyList<string> All => [.. Values.SelectMany(v => v ?? []).Distinct(StringComparer.Ordinal)];

    public override bool Equals(object? obj) =>
        obj is Synonyms other && other.Count == Count && this.All(t => other.TryGetValue(t.Key, out var list) && list.SequenceEqual(t.Value));

    public override int GetHashCode() => this.Aggregate(0, (hash, t) => hash ^ HashCode.Combine(t.Key, t.Value.Count));

    /// <summary>Synonyms are equal when they list the same words for the same languages.</summary>
    public static bool operator ==(Synonyms? left, Synonyms? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(Synonyms? left, Synonyms? right) => !(left == right);
}

/// <summary>Reads synonyms as a language-keyed object (format 2) or a plain list (format 1); writes the object.</summary>
public sealed class SynonymsConverter : JsonConverter<Synonyms>
{
    public override Synonyms? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            return new Synonyms(JsonSerializer.Deserialize<List<string>>(ref reader, options) ?? []);
        }

        var keyed = JsonSerializer.Deserialize<Dictionary<string, List<string>>>(ref reader, options);
        var synonyms = new Synonyms();
        foreach (var (language, list) in keyed ?? [])
        {
            synonyms[language] = list ?? [];
        }

        return synonyms;
    }

    public override void Write(Utf8JsonWriter writer, Synonyms value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.ToDictionary(p => p.Key, p => p.Value), options);
}

/// <summary>
/// How far a translation of an entity's texts into one language is trusted: <c>draft</c> (written by developers or a
/// machine; the bot says the German text is binding) or <c>reviewed</c> (an editor checked it, see the editor API).
/// </summary>
public sealed record TranslationStatus(string Status, string? ReviewedBy = null, DateTimeOffset? ReviewedAt = null)
{
    public const string Draft = "draft";
    public const string Reviewed = "reviewed";

    /// <summary>A translation nobody reviewed yet.</summary>
    public static readonly TranslationStatus Drafted = new(Draft);
}

public sealed record CatalogFile(
    [property: JsonPropertyName("$comment")] string? Comment,
    string Format,
    IReadOnlyList<DepartmentEntry> Departments,
    IReadOnlyList<LocationEntry> Locations,
    IReadOnlyList<ServiceEntry> Services,
    IReadOnlyList<LifeSituationEntry>? LifeSituations = null)
{
    public const string CurrentFormat = "mucgov-catalog/2";

    /// <summary>The first format: texts in de and en only, synonyms a single list, no translation status. Read, converted on import.</summary>
    public const string FirstFormat = "mucgov-catalog/1";

    /// <summary>The formats the import reads.</summary>
    public static readonly IReadOnlyList<string> Readable = [FirstFormat, CurrentFormat];

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
    IReadOnlyList<string>? Aliases = null,
    IReadOnlyDictionary<string, TranslationStatus>? Translations = null);

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
    IReadOnlyList<string>? Aliases = null,
    IReadOnlyDictionary<string, TranslationStatus>? Translations = null)
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
    Synonyms Synonyms,
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
    IReadOnlyList<RelatedService>? Related = null,
    IReadOnlyDictionary<string, TranslationStatus>? Translations = null);

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
    Synonyms Synonyms,
    bool Sensitive,
    IReadOnlyList<LifeSituationStep> Steps,
    IReadOnlyDictionary<string, TranslationStatus>? Translations = null);

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
