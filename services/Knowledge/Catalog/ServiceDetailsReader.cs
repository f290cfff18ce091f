using Microsoft.EntityFrameworkCore;
using MucGov.Knowledge.Data;
using MucGov.Shared.Calendar;

namespace MucGov.Knowledge.Catalog;

/// <summary>A location with its opening status at an instant, and how to get there.</summary>
public sealed record LocationView(
    string Id, string Name, string Address, bool AppointmentOnly, bool OpenNow, DateTimeOffset? ClosesAt, DateTimeOffset? NextOpening, string? ClosedBecause,
    IReadOnlyDictionary<string, List<TimeInterval>> OpeningHours, string? PublicTransport = null, bool? StepFreeAccess = null);

/// <summary>A related service, with its title in the language.</summary>
public sealed record RelatedView(string ServiceId, string Title, string Relation);

/// <summary>Everything a citizen (or the bot) needs about one service, in one language.</summary>
public sealed record ServiceView(
    string Id, string? LeikaKey, string Title, string Summary, string Description,
    string DepartmentId, string? DepartmentName,
    IReadOnlyList<string> Documents, IReadOnlyList<string> Fees, string? ProcessingTime, string? LegalBasis,
    string? OnlineServiceUrl, IReadOnlyList<string> Checklist, bool AppointmentRequired, string? OnlineTrustLevel,
    IReadOnlyList<LocationView> Locations, ProcedureView? Procedure, bool IndividualHandling, bool Sensitive, long Version, string Language,
    IReadOnlyList<RelatedView>? Related = null, StepDeadline? Deadline = null, string? Translation = null, IReadOnlyList<string>? DepartmentLanguages = null);

/// <summary>A procedure's form in one language: what the bot asks, and what it takes from the Bürgerkonto.</summary>
public sealed record ProcedureView(string Id, IReadOnlyList<ProcedureFieldView> Fields, string TrustLevel, string Result, string Confirmation)
{
    public static ProcedureView? Of(ProcedureEntry? procedure, string language) => procedure is null ? null : new(
        procedure.Id,
        [.. procedure.Fields.Select(f => new ProcedureFieldView(f.Name, f.Type, f.Label.In(language), f.Prompt.In(language), f.Validation, f.PrefillFrom))],
        procedure.TrustLevel, procedure.Result, procedure.Confirmation.In(language));
}

public sealed record ProcedureFieldView(string Name, string Type, string Label, string Prompt, string? Validation, string? PrefillFrom);

/// <summary>A service's details, read from the catalog in memory (<see cref="Search.CatalogIndexes"/>): no query of its own.</summary>
public sealed class ServiceDetailsReader(KnowledgeDbContext db, Search.CatalogIndexes indexes)
{
    /// <summary>The service in a language with its locations' status at <paramref name="at"/>, and its ETag; null when unknown.</summary>
    public async Task<(ServiceView View, string ETag)?> ReadAsync(string id, string language, DateTimeOffset at, CancellationToken ct)
    {
        var catalog = await indexes.CurrentAsync(db, ct);
        if (!catalog.Services.TryGetValue(id, out var stored))
        {
            return null;
        }

        var entry = stored.Entry;
        var (lang, translation) = TextLanguage(entry, language);
        var department = catalog.Departments.GetValueOrDefault(entry.DepartmentId);
        var view = new ServiceView(
            entry.Id, entry.LeikaKey, entry.Title.In(lang), entry.Summary.In(lang), entry.Description?.In(lang) ?? "",
            entry.DepartmentId, department?.Name.In(lang),
            [.. entry.Documents.Select(d => d.In(lang))], [.. entry.Fees.Select(f => f.In(lang))], entry.ProcessingTime?.In(lang), entry.LegalBasis,
            entry.OnlineServiceUrl, [.. entry.Checklist.Select(c => c.In(lang))], entry.AppointmentRequired, entry.OnlineTrustLevel,
            [.. entry.LocationIds.Select(catalog.Locations.GetValueOrDefault).OfType<LocationEntry>().Select(l => Location(l, lang, at))],
            ProcedureView.Of(entry.Procedure, lang), entry.IndividualHandling, entry.Sensitive, stored.Version, lang,
            [.. (entry.Related ?? []).Where(r => catalog.Services.ContainsKey(r.ServiceId))
                .Select(r => new RelatedView(r.ServiceId, catalog.Services[r.ServiceId].Entry.Title.In(lang), r.Relation))],
            // The legal deadline of the service, as a life situation's step names it ("within two weeks of moving in").
            catalog.Deadlines.GetValueOrDefault(id), translation, department?.Languages);
        return (view, Apis.EditorApi.ETag(stored.RowVersion));
    }

    /// <summary>
    /// The language a service is shown in for a reader of <paramref name="requested"/>, and the translation's status
    /// (null for the German original): the language itself when every text has it, otherwise its fallbacks in order
    /// (<see cref="Shared.Languages.SupportedLanguages.Fallbacks"/>) — one language for the whole answer, never a mix.
    /// </summary>
    public static (string Language, string? Status) TextLanguage(ServiceEntry entry, string requested)
    {
        var parts = Translations.Parts(entry);
        foreach (var candidate in Shared.Languages.SupportedLanguages.Fallbacks(requested))
        {
            if (candidate == Shared.Languages.SupportedLanguages.German)
            {
                return (candidate, null);
            }

            if (parts.MissingIn(candidate).Count == 0)
            {
                return (candidate, parts.StatusIn(candidate));
            }
        }

        return (Shared.Languages.SupportedLanguages.German, null);
    }

    public static LocationView Location(LocationEntry location, string language, DateTimeOffset at)
    {
        var status = OpeningHours.StatusAt(at, location.Schedule, location.ScheduleExceptions);
        return new LocationView(location.Id, location.Name.In(language), location.AddressLine, location.AppointmentOnly,
            status.Open, status.ClosesAt, status.NextOpening, status.Reason, location.OpeningHours, location.PublicTransport?.In(language), location.StepFreeAccess);
    }
}
