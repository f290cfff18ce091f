namespace MucGov.Contracts.Knowledge;

/// <summary>Request: find catalog services matching a citizen's question. Answered with <see cref="KnowledgeSearchResult"/>.</summary>
/// <param name="Query">The citizen's words as typed.</param>
/// <param name="Language">ISO 639-1 code the query is in (<c>de</c>, <c>en</c>, <c>bar</c> for Bavarian, …).</param>
/// <param name="Take">Maximum number of hits wanted.</param>
public sealed record SearchKnowledge(string Query, string Language, int Take = 5);

/// <summary>Reply to <see cref="SearchKnowledge"/>: the best matching services, best first.</summary>
/// <param name="Query">The query as received.</param>
/// <param name="Language">The language the hits are written in.</param>
/// <param name="Hits">Matches ordered by descending confidence; empty when nothing matched.</param>
public sealed record KnowledgeSearchResult(string Query, string Language, IReadOnlyList<KnowledgeHit> Hits);

/// <summary>One search hit.</summary>
/// <param name="ServiceId">Stable slug of the service (e.g. <c>anmeldung</c>).</param>
/// <param name="Title">Title in the requested language.</param>
/// <param name="Summary">One-paragraph summary in the requested language.</param>
/// <param name="DepartmentId">Responsible department's stable id.</param>
/// <param name="Confidence">0..1, how sure the search is that this is what was asked.</param>
/// <param name="Kind"><c>service</c>, <c>life-situation</c> or <c>location</c> (then <paramref name="ServiceId"/> is its id and <paramref name="DepartmentId"/> is empty).</param>
/// <param name="Relative">0..1, this hit's score as a share of the best one's of its kind (1 for the best): hits near 1 are too close to tell apart.</param>
public sealed record KnowledgeHit(string ServiceId, string Title, string Summary, string DepartmentId, double Confidence, string Kind = HitKinds.Service, double Relative = 1);

/// <summary>What a search hit is.</summary>
public static class HitKinds
{
    /// <summary>A service of the catalog.</summary>
    public const string Service = "service";

    /// <summary>A life situation (Lebenslage): a checklist of services.</summary>
    public const string LifeSituation = "life-situation";

    /// <summary>A place, named by what people call it ("KVR", "Fundbüro", "Bürgerbüro Pasing").</summary>
    public const string Location = "location";
}

/// <summary>Request: a life situation's checklist in a language. Answered with <see cref="LifeSituationDetails"/>.</summary>
public sealed record GetLifeSituation(string LifeSituationId, string Language);

/// <summary>Reply to <see cref="GetLifeSituation"/>.</summary>
/// <param name="LifeSituationId">Its id.</param>
/// <param name="Found">False when the catalog has no such life situation.</param>
/// <param name="Title">Title in the requested language.</param>
/// <param name="Summary">Summary in the requested language.</param>
/// <param name="Sensitive">Grief or hardship: answered with care and never with a joke.</param>
/// <param name="Steps">The checklist in order.</param>
public sealed record LifeSituationDetails(
    string LifeSituationId, bool Found, string? Title = null, string? Summary = null, bool Sensitive = false, IReadOnlyList<LifeSituationStepInfo>? Steps = null);

/// <summary>One step of a life situation.</summary>
/// <param name="ServiceId">The service to do.</param>
/// <param name="Title">The service's title in the requested language.</param>
/// <param name="Note">What to mind in this situation.</param>
/// <param name="Deadline">The deadline the law sets, as data.</param>
/// <param name="ConditionKey">The fact the step depends on (<c>car</c>, <c>dog</c>, <c>children</c> …); null when it applies to everyone.</param>
/// <param name="ConditionQuestion">The question that decides it, in the requested language.</param>
public sealed record LifeSituationStepInfo(string ServiceId, string Title, string? Note, StepDeadlineInfo? Deadline, string? ConditionKey, string? ConditionQuestion);

/// <summary>
/// A deadline: <paramref name="Count"/> <paramref name="Unit"/> (<c>days</c>, <c>working-days</c>, <c>weeks</c>, <c>months</c>) from the event
/// <paramref name="From"/>.
/// </summary>
public sealed record StepDeadlineInfo(int Count, string Unit, string From, string? LegalBasis);

/// <summary>Request: everything the bot needs to answer about one service. Answered with <see cref="ServiceDetails"/>.</summary>
/// <param name="ServiceId">Stable slug of the service.</param>
/// <param name="Language">Wanted language of texts.</param>
/// <param name="At">Instant the opening status is computed for; now when absent.</param>
public sealed record GetServiceDetails(string ServiceId, string Language, DateTimeOffset? At = null);

/// <summary>Reply to <see cref="GetServiceDetails"/>, including the opening status of each location at the requested instant.</summary>
/// <param name="ServiceId">Stable slug of the service; <see cref="Found"/> is false when no such service exists.</param>
/// <param name="Found">Whether the catalog knows the service.</param>
/// <param name="Title">Title in the requested language.</param>
/// <param name="Summary">Summary in the requested language.</param>
/// <param name="DepartmentId">Responsible department.</param>
/// <param name="Documents">Documents to bring.</param>
/// <param name="Fees">Fees as display texts.</param>
/// <param name="Checklist">Steps in order.</param>
/// <param name="OnlineServiceUrl">Link to the online service, when there is one.</param>
/// <param name="Locations">Where the service is offered, with opening status.</param>
/// <param name="ProcedureId">Set when the service can be completed in the chat.</param>
/// <param name="Version">Catalog version of the service.</param>
/// <param name="IndividualHandling">The service always needs a caseworker (the bot offers one).</param>
/// <param name="Sensitive">A serious topic (a death, social benefits, a complaint): the bot keeps its humour to itself.</param>
/// <param name="DepartmentName">Name of the responsible department in the requested language.</param>
/// <param name="Procedure">The form the bot can complete in the chat, in the requested language; null when there is none.</param>
/// <param name="ProcessingTime">How long it takes, as a display text; null when the catalog does not say.</param>
/// <param name="LegalBasis">The law it rests on.</param>
/// <param name="AppointmentRequired">Only with an appointment.</param>
/// <param name="Related">Services that belong with it ("and for my child?").</param>
/// <param name="Deadline">Its legal deadline where a life situation names one ("within two weeks of moving in"); null otherwise.</param>
/// <param name="TextLanguage">The language the texts are in: the requested one, or a fallback (German, English) when the catalog lacks it.</param>
/// <param name="Translation">For a translation, <c>draft</c> or <c>reviewed</c>; null for the German original (binding).</param>
/// <param name="DepartmentLanguages">The languages the responsible department's staff answer in.</param>
public sealed record ServiceDetails(
    string ServiceId,
    bool Found,
    string? Title = null,
    string? Summary = null,
    string? DepartmentId = null,
    IReadOnlyList<string>? Documents = null,
    IReadOnlyList<string>? Fees = null,
    IReadOnlyList<string>? Checklist = null,
    string? OnlineServiceUrl = null,
    IReadOnlyList<LocationStatus>? Locations = null,
    string? ProcedureId = null,
    long Version = 0,
    bool IndividualHandling = false,
    bool Sensitive = false,
    string? DepartmentName = null,
    ProcedureDefinition? Procedure = null,
    string? ProcessingTime = null,
    string? LegalBasis = null,
    bool AppointmentRequired = false,
    IReadOnlyList<RelatedServiceInfo>? Related = null,
    StepDeadlineInfo? Deadline = null,
    string? TextLanguage = null,
    string? Translation = null,
    IReadOnlyList<string>? DepartmentLanguages = null);

/// <summary>A related service.</summary>
/// <param name="ServiceId">Its id.</param>
/// <param name="Title">Its title in the requested language.</param>
/// <param name="Relation"><c>for-children</c>, <c>follow-up</c>, <c>prerequisite</c>, <c>alternative</c> or <c>see-also</c>.</param>
public sealed record RelatedServiceInfo(string ServiceId, string Title, string Relation);

/// <summary>A procedure's form as the bot uses it.</summary>
/// <param name="Id">Stable id of the procedure.</param>
/// <param name="TrustLevel">Bürgerkonto trust level needed to submit: <c>basic</c>, <c>substantial</c>, <c>high</c>.</param>
/// <param name="Result"><c>document</c> (issued at once) or <c>case</c> (an application).</param>
/// <param name="Confirmation">Told to the citizen after submitting.</param>
/// <param name="Fields">The fields in the order they are asked.</param>
public sealed record ProcedureDefinition(string Id, string TrustLevel, string Result, string Confirmation, IReadOnlyList<ProcedureFieldDefinition> Fields);

/// <summary>One field of a procedure's form.</summary>
/// <param name="Name">Name of the value.</param>
/// <param name="Type">Field type (<c>text</c>, <c>date</c>, <c>postcode</c>, <c>plate</c>, <c>count</c>, <c>choice</c>).</param>
/// <param name="Label">Short label.</param>
/// <param name="Prompt">The question the bot asks.</param>
/// <param name="Validation">The validation rule for the type.</param>
/// <param name="PrefillFrom">The Bürgerkonto field it can be taken from, with consent.</param>
public sealed record ProcedureFieldDefinition(string Name, string Type, string Label, string Prompt, string? Validation, string? PrefillFrom);

/// <summary>A location offering a service and whether it is open at the requested instant.</summary>
/// <param name="LocationId">Stable id of the location.</param>
/// <param name="Name">Display name.</param>
/// <param name="Address">Postal address as one line.</param>
/// <param name="OpenNow">Open at the requested instant.</param>
/// <param name="NextChange">When it next opens (if closed) or closes (if open).</param>
/// <param name="AppointmentOnly">Only with an appointment.</param>
/// <param name="PublicTransport">How to get there by public transport.</param>
/// <param name="StepFreeAccess">Reachable without steps; null when not known.</param>
public sealed record LocationStatus(
    string LocationId, string Name, string Address, bool OpenNow, DateTimeOffset? NextChange, bool AppointmentOnly, string? PublicTransport = null, bool? StepFreeAccess = null);

/// <summary>
/// Event: a catalog entry changed. Exactly one of <see cref="ServiceId"/>, <see cref="DepartmentId"/> and
/// <see cref="LifeSituationId"/> is set.
/// </summary>
/// <param name="ServiceId">The changed service, if a service changed.</param>
/// <param name="DepartmentId">The changed department (e.g. its business hours), if a department changed.</param>
/// <param name="Version">Catalog version after the change; consumers ignore versions older than what they hold.</param>
/// <param name="Deleted">The entry was removed.</param>
/// <param name="LifeSituationId">The changed life situation, if one changed.</param>
public sealed record KnowledgeCatalogChanged(string? ServiceId, string? DepartmentId, long Version, bool Deleted = false, string? LifeSituationId = null);

/// <summary>Request: every department of the catalog with its business hours (the ticket service computes SLA deadlines in them). Answered with <see
/// cref="DepartmentDirectory"/>.</summary>
/// <param name="Language">Language of the department names (<c>de</c> or <c>en</c>).</param>
public sealed record GetDepartments(string Language = "de");

/// <summary>Reply to <see cref="GetDepartments"/>.</summary>
/// <param name="Version">Highest catalog version among the departments; a cache holding this version or newer is current.</param>
/// <param name="Departments">All departments, ordered by id.</param>
public sealed record DepartmentDirectory(long Version, IReadOnlyList<DepartmentEntry> Departments);

/// <summary>One department and its business hours.</summary>
/// <param name="DepartmentId">Stable id (e.g. <c>buergerbuero</c>).</param>
/// <param name="Name">Display name in the requested language.</param>
/// <param name="Languages">Languages its staff answer in.</param>
/// <param name="BusinessHours">Weekday (<c>mon</c> … <c>sun</c>) → intervals as <c>"08:00-16:00"</c>; a missing day is closed.</param>
/// <param name="Version">Catalog version of this department.</param>
public sealed record DepartmentEntry(string DepartmentId, string Name, IReadOnlyList<string> Languages, IReadOnlyDictionary<string, IReadOnlyList<string>> BusinessHours,
    long Version);

/// <summary>Request: one location with its opening status at an instant (now when absent). Answered with <see cref="LocationDetails"/>.</summary>
/// <param name="LocationId">Stable id of the location.</param>
/// <param name="Language">Wanted language of texts.</param>
/// <param name="At">Instant the opening status is computed for.</param>
public sealed record GetLocation(string LocationId, string Language, DateTimeOffset? At = null);

/// <summary>Reply to <see cref="GetLocation"/>.</summary>
/// <param name="LocationId">Its id.</param>
/// <param name="Found">False when the catalog has no such location.</param>
/// <param name="Status">Name, address, opening status, how to get there.</param>
public sealed record LocationDetails(string LocationId, bool Found, LocationStatus? Status = null);
