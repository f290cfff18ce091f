using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MucGov.Knowledge.Catalog;
using MucGov.Knowledge.Data;
using MucGov.Knowledge.Search;
using MucGov.Shared.ServiceDefaults;

namespace MucGov.Knowledge.Apis;

/// <summary>The public read API: search, service details, departments, opening status. No sign-in needed.</summary>
public static partial class KnowledgeApi
{
    public const int MaxQueryLength = 500;

    public static WebApplication MapKnowledgeApi(this WebApplication app)
    {
        var knowledge = app.MapGroup("/api/knowledge").WithTags("Knowledge").AllowAnonymous();
        knowledge.MapGet("/search", SearchAsync).WithName("Search").WithSummary("Services and life situations matching a citizen's question, best first; each hit has a kind");
        knowledge.MapGet("/services/{id}", GetServiceAsync).WithName("GetService").WithSummary("One service with documents, fees, checklist and locations' opening status");
        knowledge.MapGet("/departments", GetDepartmentsAsync).WithName("GetDepartments");
        knowledge.MapGet("/locations/{id}/opening-status", GetOpeningStatusAsync).WithName("GetOpeningStatus");
        return app;
    }

    public sealed record SearchResponse(string Query, string Language, IReadOnlyList<SearchHit> Hits);

    public sealed record DepartmentView(string Id, string Name, string? Email, string? Phone, IReadOnlyList<string> Languages,
        IReadOnlyDictionary<string, List<MucGov.Shared.Calendar.TimeInterval>> BusinessHours);

    public sealed record OpeningStatusView(string LocationId, string Name, DateTimeOffset At, bool Open, DateTimeOffset? ClosesAt, DateTimeOffset? NextOpening,
        string? ClosedBecause);

    internal static async Task<Results<Ok<SearchResponse>, ValidationProblem>> SearchAsync(
        KnowledgeSearch search, string? q, string? lang, int? take, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (q is { Length: > MaxQueryLength })
        {
            errors["q"] = [$"At most {MaxQueryLength} characters."];
        }
        else if (!TextInput.IsStorable(q))
        {
            errors["q"] = [TextInput.NotStorable];
        }

        var language = string.IsNullOrEmpty(lang) ? "de" : lang;
        if (!Language().IsMatch(language))
        {
            errors["lang"] = ["A language code such as de, en or bar."];
        }

        if (take is < 1 or > 20)
        {
            errors["take"] = ["Between 1 and 20."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var hits = await search.SearchAsync(q, language, take ?? 5, ct);
        return TypedResults.Ok(new SearchResponse(q ?? "", language, hits));
    }

    internal static async Task<Results<Ok<ServiceView>, ProblemHttpResult>> GetServiceAsync(
        string id, string? lang, ServiceDetailsReader reader, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var found = await reader.ReadAsync(id, lang ?? "de", clock.GetUtcNow(), ct);
        if (found is not { } service)
        {
            return NotFound($"There is no service '{id}'.");
        }

        http.Response.Headers.ETag = service.ETag;
        return TypedResults.Ok(service.View);
    }

    internal static async Task<Ok<IReadOnlyList<DepartmentView>>> GetDepartmentsAsync(string? lang, KnowledgeDbContext db, CancellationToken ct)
    {
        var language = string.IsNullOrEmpty(lang) ? "de" : lang;
        var rows = await db.Departments.AsNoTracking().OrderBy(d => d.Id).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<DepartmentView>>([.. rows.Select(r => new DepartmentView(
            r.Id, r.Entry.Name.In(language), r.Entry.Email, r.Entry.Phone, r.Entry.Languages, r.Entry.BusinessHours))]);
    }

    internal static async Task<Results<Ok<OpeningStatusView>, ProblemHttpResult, ValidationProblem>> GetOpeningStatusAsync(
        string id, string? at, string? lang, KnowledgeDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var instant = clock.GetUtcNow();
        if (at is not null && !DateTimeOffset.TryParse(at, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out instant))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["at"] = ["An ISO 8601 date and time with offset, e.g. 2026-12-24T10:00:00+01:00."] });
        }

        // Opening hours and holidays are known for the years people plan in; the ends of the calendar overflow.
        if (instant.Year is < 2000 or > 2199)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["at"] = ["A date between the years 2000 and 2199."] });
        }

        var location = await db.Locations.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, ct);
        if (location is null)
        {
            return NotFound($"There is no location '{id}'.");
        }

        var view = ServiceDetailsReader.Location(location.Entry, string.IsNullOrEmpty(lang) ? "de" : lang, instant);
        return TypedResults.Ok(new OpeningStatusView(id, view.Name, instant, view.OpenNow, view.ClosesAt, view.NextOpening, view.ClosedBecause));
    }

    internal static ProblemHttpResult NotFound(string detail) => Problems.NotFound(detail);

    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex Language();
}
