using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MucGov.Shared.Auth;
using MucGov.Shared.Data;
using MucGov.Shared.Languages;
using MucGov.Shared.ServiceDefaults;
using MucGov.Ticket.Cases;
using MucGov.Ticket.Data;
using MucGov.Ticket.Templates;

namespace MucGov.Ticket.Apis;

/// <summary>
/// <c>/api/departments/{id}/templates</c>: a department's reply templates — its caseworkers read them, its supervisors
/// write them — and <c>/api/cases/{id}/templates</c>: the templates filled for one case, in the citizen's language.
/// </summary>
public static class TemplatesApi
{
    public const int MaxNameLength = 100;
    public const int MaxPerDepartment = 200;

    public static WebApplication MapTemplatesApi(this WebApplication app)
    {
        var templates = app.MapGroup("/api/departments/{id}/templates").WithTags("Templates").OnlyOwnDepartments();
        templates.MapGet("/", ListAsync).RequireAuthorization(Policies.Caseworker).WithName("GetTemplates")
            .WithSummary("The department's reply templates, by name (its caseworkers and supervisors)").WithExamples(response: new[] { ApiExamples.Stored });
        templates.MapPost("/", CreateAsync).RequireAuthorization(Policies.Supervisor).WithName("CreateTemplate")
            .WithSummary("Adds a template: { name, texts: { de, en, … } }; placeholders {name}, {reference}, {department}, {caseworker}")
            .WithExamples(ApiExamples.Template, ApiExamples.Stored, StatusCodes.Status201Created);
        templates.MapPut("/{templateId:guid}", UpdateAsync).RequireAuthorization(Policies.Supervisor).WithName("UpdateTemplate")
            .WithSummary("Replaces a template's name and texts (If-Match: its ETag, optional)").WithExamples(ApiExamples.Template, ApiExamples.Stored);
        templates.MapDelete("/{templateId:guid}", DeleteAsync).RequireAuthorization(Policies.Supervisor).WithName("DeleteTemplate")
            .WithSummary("Removes a template");
        app.MapGet("/api/cases/{id:guid}/templates", ForCaseAsync).WithTags("Cases").RequireAuthorization(Policies.Caseworker).WithName("GetCaseTemplates")
            .WithSummary("The case's department's templates filled for the case, in the citizen's language where the template has it")
            .WithExamples(response: ApiExamples.Filled);
        return app;
    }

    /// <summary>A template as written: a name and a text per language code (German required).</summary>
    public sealed record TemplateBody(string? Name, Dictionary<string, string?>? Texts);

    /// <summary>A template as stored.</summary>
    public sealed record TemplateView(Guid Id, string DepartmentId, string Name, IReadOnlyDictionary<string, string> Texts, DateTimeOffset CreatedAt,
        DateTimeOffset UpdatedAt, string Version)
    {
        public static TemplateView Of(ReplyTemplate t) => new(t.Id, t.DepartmentId, t.Name, t.Texts, t.CreatedAt, t.UpdatedAt, ETag(t));
    }

    /// <summary>A template filled for a case.</summary>
    public sealed record FilledTemplate(Guid Id, string Name, string Language, string Text);

    private static string ETag(ReplyTemplate t) => ETags.Of(t.Version);

    internal static async Task<Ok<List<TemplateView>>> ListAsync(string id, TicketDbContext db, CancellationToken ct)
    {
        var list = await db.Templates.AsNoTracking().Where(t => t.DepartmentId == id).OrderBy(t => t.Name).ToListAsync(ct);
        return TypedResults.Ok(list.Select(TemplateView.Of).ToList());
    }

    internal static async Task<Results<Created<TemplateView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        string id, TemplateBody? body, ClaimsPrincipal user, TicketDbContext db, IOptions<CaseOptions> options, TimeProvider clock, CancellationToken ct)
    {
        if (Invalid(body, options.Value.MaxTextLength) is { } invalid)
        {
            return invalid;
        }

        if (await db.Templates.CountAsync(t => t.DepartmentId == id, ct) >= MaxPerDepartment)
        {
            return Problems.Conflict("Too many templates", $"A department keeps at most {MaxPerDepartment} templates; remove one first.");
        }

        var now = clock.GetUtcNow();
        var template = new ReplyTemplate
        {
            Id = Guid.CreateVersion7(now), DepartmentId = id, Name = body!.Name!.Trim(), Texts = Texts(body), CreatedAt = now, UpdatedAt = now,
            UpdatedBy = Actor.Of(user).Id,
        };
        db.Templates.Add(template);
        if (!await SavedAsync(db, ct))
        {
            return NameTaken(template.Name);
        }

        return TypedResults.Created($"/api/departments/{id}/templates/{template.Id}", TemplateView.Of(template));
    }

    internal static async Task<Results<Ok<TemplateView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string id, Guid templateId, TemplateBody? body, [FromHeader(Name = "If-Match")] string? ifMatch, ClaimsPrincipal user, TicketDbContext db,
        IOptions<CaseOptions> options, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (Invalid(body, options.Value.MaxTextLength) is { } invalid)
        {
            return invalid;
        }

        var template = await db.Templates.SingleOrDefaultAsync(t => t.Id == templateId && t.DepartmentId == id, ct);
        if (template is null)
        {
            return NoSuchTemplate();
        }

        if (!ETags.Allows(ifMatch, template.Version))
        {
            return Problems.Stale();
        }

        template.Name = body!.Name!.Trim();
        template.Texts = Texts(body);
        template.UpdatedAt = clock.GetUtcNow();
        template.UpdatedBy = Actor.Of(user).Id;
        try
        {
            if (!await SavedAsync(db, ct))
            {
                return NameTaken(template.Name);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Stale("Another supervisor changed the template meanwhile; read it again.");
        }

        http.Response.Headers.ETag = ETag(template);
        return TypedResults.Ok(TemplateView.Of(template));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, Guid templateId, TicketDbContext db, CancellationToken ct)
    {
        var removed = await db.Templates.Where(t => t.Id == templateId && t.DepartmentId == id).ExecuteDeleteAsync(ct);
        return removed == 0 ? NoSuchTemplate() : TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<List<FilledTemplate>>, ProblemHttpResult>> ForCaseAsync(Guid id, ClaimsPrincipal user, TicketDbContext db, CancellationToken ct)
    {
        var c = await db.OwnCases(user).AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return Staff.CaseNotFound();
        }

        var templates = await db.Templates.AsNoTracking().Where(t => t.DepartmentId == c.DepartmentId).OrderBy(t => t.Name).ToListAsync(ct);
        var values = new Dictionary<string, string?>
        {
            [Placeholders.Name] = QueueItem.CitizenNameOf(c.CitizenSnapshot),
            [Placeholders.Reference] = c.Reference,
            [Placeholders.Department] = await QueueApi.DepartmentNameAsync(db, c.DepartmentId, ct) ?? c.DepartmentId,
            [Placeholders.Caseworker] = Actor.Of(user).Name,
        };
        return TypedResults.Ok(templates.Select(t =>
        {
            var (language, text) = Placeholders.For(t, c.Language);
            return new FilledTemplate(t.Id, t.Name, language, Placeholders.Fill(text, values));
        }).ToList());
    }

    private static ValidationProblem? Invalid(TemplateBody? body, int maxText)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body?.Name) || body.Name.Trim().Length > MaxNameLength || !TextInput.IsStorable(body.Name))
        {
            errors["name"] = [$"Required, at most {MaxNameLength} characters."];
        }

        if (body?.Texts is not { Count: > 0 } texts || !texts.ContainsKey(SupportedLanguages.German))
        {
            errors["texts"] = ["Required: a text per language code, at least German (de)."];
        }
        else
        {
            foreach (var (language, text) in texts)
            {
                if (!SupportedLanguages.IsSupported(language))
                {
                    errors[$"texts.{language}"] = [$"Not a language of the platform; one of {string.Join(", ", SupportedLanguages.Codes)}."];
                }
                else if (string.IsNullOrWhiteSpace(text) || text.Length > maxText || !TextInput.IsStorable(text))
                {
                    errors[$"texts.{language}"] = [$"Required, at most {maxText} characters."];
                }
                else if (Placeholders.Unknown(text) is { Count: > 0 } unknown)
                {
                    static string Braced(IEnumerable<string> names) => string.Join(", ", names.Select(n => "{" + n + "}"));
                    errors[$"texts.{language}"] = [$"Unknown placeholder {Braced(unknown)}; known are {Braced(Placeholders.All)}."];
                }
            }
        }

        return errors.Count > 0 ? TypedResults.ValidationProblem(errors, title: "The template is not valid; nothing was stored.") : null;
    }

    private static Dictionary<string, string> Texts(TemplateBody body) => body.Texts!.ToDictionary(t => t.Key, t => t.Value!.Trim(), StringComparer.Ordinal);

    /// <summary>Saves; false when the department already has a template of that name (the unique index said so).</summary>
    private static async Task<bool> SavedAsync(TicketDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            return false;
        }
    }

    private static ProblemHttpResult NoSuchTemplate() => Problems.NotFound("There is no such template in this department.");

    private static ProblemHttpResult NameTaken(string name) => Problems.Conflict("Name taken", $"The department has a template named '{name}' already.");
}
