using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MucGov.Knowledge.Catalog;
using MucGov.Knowledge.Data;
using MucGov.Shared.Auth;
using MucGov.Shared.Languages;
using MucGov.Shared.ServiceDefaults;

namespace MucGov.Knowledge.Apis;

/// <summary>One entity whose translation into a language is missing or still a draft.</summary>
/// <param name="Kind"><c>service</c>, <c>life-situation</c>, <c>location</c> or <c>department</c>.</param>
/// <param name="Id">The entity's id.</param>
/// <param name="Status"><c>missing</c> or <c>draft</c>.</param>
/// <param name="MissingFields">The texts without this language (for <c>missing</c>).</param>
public sealed record TranslationItem(string Kind, string Id, string Status, IReadOnlyList<string> MissingFields);

/// <summary>A language's state over the whole catalog: how many entities are reviewed, draft or missing, and which are not reviewed.</summary>
public sealed record LanguageTranslations(string Language, string Name, int Entities, int Reviewed, int Draft, int Missing, IReadOnlyList<TranslationItem> Open);

/// <summary>The catalog's translations, per language German is translated into.</summary>
public sealed record TranslationReport(IReadOnlyList<LanguageTranslations> Languages);

/// <summary>What a review recorded.</summary>
public sealed record TranslationReviewed(string Kind, string Id, string Language, TranslationStatus Status);

/// <summary>
/// <c>/api/knowledge/translations</c> for role <c>knowledge-editor</c>: what each language lacks or has only as a draft,
/// and the review call, the only way a translation becomes <c>reviewed</c> (each review is kept in an audit table).
/// </summary>
public static class TranslationsApi
{
    public static WebApplication MapTranslationsApi(this WebApplication app)
    {
        var translations = app.MapGroup("/api/knowledge/translations").WithTags("Catalog editing").RequireAuthorization(Policies.KnowledgeEditor);
        translations.MapGet("/", ReportAsync).WithName("GetTranslations")
            .WithSummary("Per language: entities reviewed, draft and missing, and the ones not reviewed yet; ?language= for one");
        translations.MapPost("/{language}/{kind}/{id}/review", ReviewAsync).WithName("ReviewTranslation")
            .WithSummary("Marks a complete translation of one entity as reviewed by the caller (audited)");
        return app;
    }

    internal static async Task<Results<Ok<TranslationReport>, ValidationProblem>> ReportAsync(string? language, KnowledgeDbContext db, CancellationToken ct)
    {
        if (language is not null && !Translations.Targets.Contains(language))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["language"] = [$"One of {string.Join(", ", Translations.Targets)}."] });
        }

        var parts = await AllPartsAsync(db, ct);
        var languages = (language is null ? Translations.Targets : [language]).Select(l =>
        {
            var items = parts.Select(p => new TranslationItem(p.Kind, p.Id, p.StatusIn(l), p.MissingIn(l))).ToList();
            return new LanguageTranslations(l, SupportedLanguages.Find(l)!.EnglishName, items.Count, items.Count(i => i.Status == TranslationStatus.Reviewed),
                items.Count(i => i.Status == TranslationStatus.Draft), items.Count(i => i.Status == Translations.Missing),
                [.. items.Where(i => i.Status != TranslationStatus.Reviewed)]);
        });
        return TypedResults.Ok(new TranslationReport([.. languages]));
    }

    internal static async Task<IResult> ReviewAsync(string language, string kind, string id, ClaimsPrincipal user, CatalogStore store, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Translations.Targets.Contains(language))
        {
            errors["language"] = [$"One of {string.Join(", ", Translations.Targets)} (German is the original)."];
        }

        if (!Translations.Kinds.Contains(kind))
        {
            errors["kind"] = [$"One of {string.Join(", ", Translations.Kinds)}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Nothing was reviewed.");
        }

        // A review is a person's act: a machine's token (client credentials: its subject is the client) cannot vouch for a translation.
        var subject = user.FindFirst(MucGovClaims.Subject)?.Value;
        if (subject is null || subject == user.FindFirst(MucGovClaims.ClientId)?.Value)
        {
            return Problems.Forbidden("A translation is reviewed by an editor signed in as a person, not by a client's token.");
        }

        var reviewer = user.FindFirst(MucGovClaims.Name)?.Value ?? subject;
        var outcome = await store.ReviewAsync(kind, id, language, subject, reviewer, ct);
        return outcome switch
        {
            ReviewOutcome.NotFound => KnowledgeApi.NotFound($"There is no {kind} '{id}'."),
            ReviewOutcome.Incomplete incomplete => Problems.Conflict("Translation incomplete",
                $"The {kind} '{id}' lacks {language} texts: {string.Join(", ", incomplete.Fields)}. Add them, then review.",
                new Dictionary<string, object?> { ["missingFields"] = incomplete.Fields }),
            ReviewOutcome.Changed => EditorApi.Stale(kind),
            ReviewOutcome.Done done => TypedResults.Ok(new TranslationReviewed(kind, id, language, done.Status)),
            _ => throw new InvalidOperationException("Unknown review outcome."),
        };
    }

    private static async Task<List<TranslatableParts>> AllPartsAsync(KnowledgeDbContext db, CancellationToken ct) =>
    [
        .. (await db.Services.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Entry).ToListAsync(ct)).Select(Translations.Parts),
        .. (await db.LifeSituations.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Entry).ToListAsync(ct)).Select(Translations.Parts),
        .. (await db.Locations.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Entry).ToListAsync(ct)).Select(Translations.Parts),
        .. (await db.Departments.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Entry).ToListAsync(ct)).Select(Translations.Parts),
    ];
}
