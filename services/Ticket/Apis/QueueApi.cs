using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MucGov.Shared.Auth;
using MucGov.Shared.ServiceDefaults;
using MucGov.Ticket.Cases;
using MucGov.Ticket.Data;

namespace MucGov.Ticket.Apis;

/// <summary><c>/api/queue</c>: the caseworker's view of their departments' cases, most urgent first, and "give me the next one".</summary>
public static partial class QueueApi
{
    public const int MaxPageSize = 100;

    /// <summary>Shortest and longest search text (<c>q</c>).</summary>
    public const int MinSearch = 2, MaxSearch = 200;

    public static WebApplication MapQueueApi(this WebApplication app)
    {
        var queue = app.MapGroup("/api/queue").WithTags("Queue").RequireAuthorization(Policies.Caseworker);
        queue.MapGet("/", ListAsync).WithName("GetQueue")
            .WithSummary("Cases of the caller's departments, ordered by SLA deadline; q searches reference, the citizen's name and data, form values, chat and messages")
            .WithExamples(response: ApiExamples.Queue);
        queue.MapPost("/next", NextAsync).WithName("ClaimNextCase")
            .WithSummary("Claims the most urgent unclaimed case, preferring the languages the caller speaks; 204 when there is none")
            .WithExamples(response: ApiExamples.Claimed);
        return app;
    }

    internal static async Task<Results<Ok<QueuePage>, ValidationProblem, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal user, TicketDbContext db, TimeProvider clock, CancellationToken ct,
        string? status = null, string? language = null, bool? unassigned = null, bool? breaching = null, string? department = null, string? q = null, int page = 1,
        int pageSize = 20)
    {
        var errors = new Dictionary<string, string[]>();
        if (status is not null && !CaseStatus.All.Contains(status) && status != "open")
        {
            errors["status"] = [$"One of open, {string.Join(", ", CaseStatus.All)}."];
        }

        if (language is not null && !LanguageCode().IsMatch(language))
        {
            errors["language"] = ["A language code such as de, en or bar."];
        }

        var search = q?.Trim();
        if (q is not null && (search!.Length is < MinSearch or > MaxSearch || !TextInput.IsStorable(search)))
        {
            errors["q"] = [$"Between {MinSearch} and {MaxSearch} characters of text."];
        }

        if (page < 1)
        {
            errors["page"] = ["1 or more."];
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"Between 1 and {MaxPageSize}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The queue filter is not valid.");
        }

        if (department is not null && !user.Departments().Contains(department))
        {
            return Problems.NotFound($"You do not work in a department '{department}'.");
        }

        var now = clock.GetUtcNow();
        var cases = db.OwnCases(user).AsNoTracking();
        cases = status switch
        {
            // A search looks through every status unless told otherwise: the case a citizen calls about may be closed.
            null when search is { Length: > 0 } => cases,
            null or "open" => cases.Where(c => c.Status != CaseStatus.Resolved),
            _ => cases.Where(c => c.Status == status),
        };
        if (department is not null)
        {
            cases = cases.Where(c => c.DepartmentId == department);
        }

        if (language is not null)
        {
            cases = cases.Where(c => c.Language == language);
        }

        if (unassigned == true)
        {
            cases = cases.Where(c => c.AssigneeId == null);
        }
        else if (unassigned == false)
        {
            cases = cases.Where(c => c.AssigneeId != null);
        }

        if (breaching == true)
        {
            cases = cases.Where(c => c.SlaDueAt < now);
        }
        else if (breaching == false)
        {
            cases = cases.Where(c => c.SlaDueAt == null || c.SlaDueAt >= now);
        }

        if (search is { Length: > 0 })
        {
            cases = cases.Where(c => CaseSearch.Matching(db, search).Contains(c.Id));
        }

        var total = await cases.CountAsync(ct);
        var items = await cases
            .OrderBy(c => c.SlaDueAt == null)
            .ThenBy(c => c.SlaDueAt)
            .ThenBy(c => c.Priority == Priorities.Urgent ? 0 : c.Priority == Priorities.High ? 1 : 2)
            .ThenBy(c => c.OpenedAt)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            // In the same query: the department's name, and the citizen's messages since the department's last message
            // on the case (a reply, a question or a note) — the console reloads this page on every change it hears of.
            .Select(c => new
            {
                Case = c,
                DepartmentName = db.Departments.Where(d => d.Id == c.DepartmentId).Select(d => d.Name).FirstOrDefault(),
                Unread = db.Messages.Count(m => m.CaseId == c.Id && m.Author == Authors.Citizen
                    && !db.Messages.Any(s => s.CaseId == c.Id && s.Author == Authors.Caseworker && s.CreatedAt >= m.CreatedAt)),
            })
            .ToListAsync(ct);
        return TypedResults.Ok(new QueuePage([.. items.Select(i => QueueItem.Of(i.Case, now, i.DepartmentName, i.Unread))], page, pageSize, total));
    }

    /// <summary>A department's display name as the catalog gives it (cached with its hours); null before the directory is loaded.</summary>
    internal static Task<string?> DepartmentNameAsync(TicketDbContext db, string id, CancellationToken ct) =>
        db.Departments.AsNoTracking().Where(d => d.Id == id).Select(d => d.Name).FirstOrDefaultAsync(ct);

    internal static async Task<Results<Ok<QueueItem>, NoContent>> NextAsync(ClaimsPrincipal user, TicketDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var me = Actor.Of(user);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The oldest-deadline case nobody holds, in a language the caller speaks if there is one, else in any other (nobody in the
        // department may speak it); locked for this transaction: a case another caseworker is taking right now is skipped, not waited for.
        var departments = user.Departments().ToArray();
        var languages = Staff.CaseLanguages(user);
        var next = await db.Cases
            .FromSql($"""
                SELECT *, xmin FROM cases
                WHERE department_id = ANY({departments}) AND status = 'new' AND assignee_id IS NULL
                ORDER BY CASE WHEN language = ANY({languages}) THEN 0 ELSE 1 END, sla_due_at NULLS LAST,
                    CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 ELSE 2 END, opened_at
                LIMIT 1
                FOR UPDATE SKIP LOCKED
                """)
            .SingleOrDefaultAsync(ct);
        if (next is null || next.Claim(me, now, "next case from the queue") is not null)
        {
            return TypedResults.NoContent();
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(QueueItem.Of(next, now, await DepartmentNameAsync(db, next.DepartmentId, ct)));
    }

    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex LanguageCode();
}
