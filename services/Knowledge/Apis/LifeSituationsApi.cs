using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MucGov.Knowledge.Catalog;
using MucGov.Knowledge.Data;
using MucGov.Shared.Auth;

namespace MucGov.Knowledge.Apis;

/// <summary>A life situation in a citizen's list.</summary>
public sealed record LifeSituationSummary(string Id, string Title, string Summary, int Steps, bool Sensitive);

/// <summary>A life situation in one language: its checklist, each step with its service, deadline and condition.</summary>
public sealed record LifeSituationView(
    string Id, string Title, string Summary, bool Sensitive, IReadOnlyList<LifeSituationStepView> Steps, long Version, string Language);

/// <summary>One step: the service (with its title in the language), what to mind, the deadline and the question that decides whether it applies.</summary>
public sealed record LifeSituationStepView(
    int Number, string ServiceId, string ServiceTitle, string? DepartmentId, string? Note, StepDeadline? Deadline, StepConditionView? Condition);

/// <summary>The fact a step depends on, and the question the bot asks about it.</summary>
public sealed record StepConditionView(string Key, string Question);

/// <summary>
/// <c>/api/knowledge/life-situations</c>: life situations (Lebenslagen) for everyone to read; editing for role
/// <c>knowledge-editor</c> (scope <c>knowledge.edit</c>) with the entry's ETag in <c>If-Match</c>, like services.
/// </summary>
public static partial class LifeSituationsApi
{
    private const string What = "life situation";

    public static WebApplication MapLifeSituationsApi(this WebApplication app)
    {
        var read = app.MapGroup("/api/knowledge/life-situations").WithTags("Life situations").AllowAnonymous();
        read.MapGet("/", ListAsync).WithName("ListLifeSituations").WithSummary("Every life situation, by title");
        read.MapGet("/{id}", GetAsync).WithName("GetLifeSituation").WithSummary("One life situation's checklist: services in order, deadlines, conditions");
        var edit = app.MapGroup("/api/knowledge/life-situations").WithTags("Catalog editing").RequireAuthorization(Policies.KnowledgeEditor);
        edit.MapPost("/", CreateAsync).WithName("CreateLifeSituation");
        edit.MapPut("/{id}", UpdateAsync).WithName("UpdateLifeSituation");
        edit.MapDelete("/{id}", DeleteAsync).WithName("DeleteLifeSituation");
        return app;
    }

    internal static async Task<Results<Ok<IReadOnlyList<LifeSituationSummary>>, ValidationProblem>> ListAsync(string? lang, KnowledgeDbContext db, CancellationToken ct)
    {
        if (LanguageProblem(lang) is { } invalid)
        {
            return invalid;
        }

        var language = CatalogLanguage(lang);
        var rows = await db.LifeSituations.AsNoTracking().ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<LifeSituationSummary>>([.. rows
            .Select(r => new LifeSituationSummary(r.Id, r.Entry.Title.In(language), r.Entry.Summary.In(language), r.Entry.Steps.Count, r.Entry.Sensitive))
            .OrderBy(s => s.Title, StringComparer.CurrentCulture)]);
    }

    internal static async Task<Results<Ok<LifeSituationView>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string id, string? lang, LifeSituationReader reader, HttpContext http, CancellationToken ct)
    {
        if (LanguageProblem(lang) is { } invalid)
        {
            return invalid;
        }

        var found = await reader.ReadAsync(id, CatalogLanguage(lang), ct);
        if (found is null)
        {
            return KnowledgeApi.NotFound($"There is no life situation '{id}'.");
        }

        http.Response.Headers.ETag = EditorApi.ETag(found.Value.RowVersion);
        return TypedResults.Ok(found.Value.View);
    }

    internal static async Task<Results<Created<LifeSituationEntry>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        LifeSituationEntry? situation, KnowledgeDbContext db, CatalogStore store, HttpContext http, CancellationToken ct)
    {
        var shape = CatalogValidation.Shape(situation);
        if (shape.Count > 0)
        {
            return TypedResults.ValidationProblem(shape, title: "The life situation was not stored.");
        }

        if (await ReferenceProblemAsync(situation!, db, ct) is { } unprocessable)
        {
            return unprocessable;
        }

        if (await db.LifeSituations.AnyAsync(l => l.Id == situation!.Id, ct))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Exists", detail: $"A life situation '{situation!.Id}' exists; update it with PUT.");
        }

        var row = await store.PutLifeSituationAsync(situation!, null, ct);
        await db.SaveChangesAsync(ct);
        http.Response.Headers.ETag = EditorApi.ETag(row.RowVersion);
        return TypedResults.Created($"/api/knowledge/life-situations/{row.Id}", row.Entry);
    }

    internal static async Task<IResult> UpdateAsync(
        string id, LifeSituationEntry? situation, [FromHeader(Name = "If-Match")] string? ifMatch, KnowledgeDbContext db, CatalogStore store, HttpContext http,
        CancellationToken ct)
    {
        var shape = CatalogValidation.Shape(situation);
        if (situation is not null && situation.Id != id)
        {
            shape["id"] = ["Must be the id in the path."];
        }

        if (shape.Count > 0)
        {
            return TypedResults.ValidationProblem(shape, title: "The life situation was not stored.");
        }

        var row = await db.LifeSituations.SingleOrDefaultAsync(l => l.Id == id, ct);
        if (row is null)
        {
            return KnowledgeApi.NotFound($"There is no life situation '{id}'.");
        }

        if (EditorApi.Precondition(ifMatch, row.RowVersion, What) is { } failed)
        {
            return failed;
        }

        if (await ReferenceProblemAsync(situation!, db, ct) is { } unprocessable)
        {
            return unprocessable;
        }

        if (await EditorApi.SaveIfUnchangedAsync(db, "life_situations", row.Id, row.RowVersion, What, () => store.PutLifeSituationAsync(situation!, row, ct), ct) is { } stale)
        {
            return stale;
        }
        http.Response.Headers.ETag = EditorApi.ETag(row.RowVersion);
        return TypedResults.Ok(row.Entry);
    }

    internal static async Task<IResult> DeleteAsync(
        string id, [FromHeader(Name = "If-Match")] string? ifMatch, KnowledgeDbContext db, CatalogStore store, CancellationToken ct)
    {
        var row = await db.LifeSituations.SingleOrDefaultAsync(l => l.Id == id, ct);
        if (row is null)
        {
            return KnowledgeApi.NotFound($"There is no life situation '{id}'.");
        }

        if (EditorApi.Precondition(ifMatch, row.RowVersion, What) is { } failed)
        {
            return failed;
        }

        if (await EditorApi.SaveIfUnchangedAsync(db, "life_situations", row.Id, row.RowVersion, What, () => store.DeleteLifeSituationAsync(row, ct), ct) is { } stale)
        {
            return stale;
        }
        return TypedResults.NoContent();
    }

    private static async Task<ProblemHttpResult?> ReferenceProblemAsync(LifeSituationEntry situation, KnowledgeDbContext db, CancellationToken ct)
    {
        var services = (await db.Services.Select(s => s.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var errors = CatalogValidation.References(situation, services);
        return errors.Count == 0 ? null : TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Unknown references",
            detail: "The life situation names services the catalog does not have.", extensions: new Dictionary<string, object?> { ["errors"] = errors });
    }

    /// <summary>The catalog holds German and English; Bavarian (and every other language, for now) reads German.</summary>
    private static string CatalogLanguage(string? lang) => string.IsNullOrEmpty(lang) ? "de" : lang;

    private static ValidationProblem? LanguageProblem(string? lang) =>
        lang is null || Language().IsMatch(lang)
            ? null
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["lang"] = ["A language code such as de, en or bar."] });

    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex Language();
}
