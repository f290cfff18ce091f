using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MucGov.Contracts.Identity;
using MucGov.Shared.Auth;
using MucGov.Shared.ServiceDefaults;
using MucGov.Ticket.Cases;
using MucGov.Ticket.Data;
using MucGov.Ticket.Sla;

namespace MucGov.Ticket.Apis;

/// <summary>Settings of the <c>Cases</c> section.</summary>
public sealed class CaseOptions
{
    public const string Section = "Cases";

    [System.ComponentModel.DataAnnotations.Range(1, 100000)]
    public int MaxTextLength { get; set; } = 4000;
}

/// <summary>
/// <c>/api/cases/{id}</c>: one case of the caller's departments and what a caseworker does with it. The endpoints check
/// the input and the caller; the case itself (<see cref="Case"/>) decides, and its change, audit entry and event are
/// saved in one transaction; a case changed by someone else in the meantime is a 409 (or 412 when the caller sent
/// <c>If-Match</c>).
/// </summary>
public static class CasesApi
{
    public static WebApplication MapCasesApi(this WebApplication app)
    {
        var cases = app.MapGroup("/api/cases/{id:guid}").WithTags("Cases").RequireAuthorization(Policies.Caseworker);
        cases.MapGet("/", GetAsync).WithName("GetCase").WithSummary("The case with transcript, citizen snapshot, messages and history");
        cases.MapPost("/claim", ClaimAsync).WithName("ClaimCase").WithSummary("Takes the case; 409 names who holds it when someone was faster")
            .WithExamples(response: ApiExamples.Claimed);
        cases.MapPost("/release", ReleaseAsync).WithName("ReleaseCase").WithSummary("Puts the case back into the queue");
        cases.MapPost("/messages", PostMessageAsync).WithName("PostCaseMessage").WithSummary("A public reply (reaches the citizen's chat) or an internal note")
            .WithExamples(ApiExamples.Reply, ApiExamples.Posted, StatusCodes.Status201Created);
        cases.MapPost("/request-info", RequestInfoAsync).WithName("RequestInfo").WithSummary("Asks the citizen a question; the case waits for the answer")
            .WithExamples(ApiExamples.Question, ApiExamples.Claimed with { Status = CaseStatus.WaitingForCitizen, SlaDueAt = null });
        cases.MapPost("/transfer", TransferAsync).WithName("TransferCase").WithSummary("Moves the case to another department's queue")
            .WithExamples(ApiExamples.Transfer, ApiExamples.Item with { DepartmentId = "standesamt", DepartmentName = "Standesamt München", UnreadCitizenMessages = 0 });
        cases.MapPost("/resolve", ResolveAsync).WithName("ResolveCase").WithSummary("Closes the case with a resolution the citizen sees")
            .WithExamples(ApiExamples.Resolution, ApiExamples.Claimed with { Status = CaseStatus.Resolved, SlaDueAt = null });
        cases.MapPost("/assign", AssignAsync).WithName("AssignCase").RequireAuthorization(Policies.Supervisor)
            .WithSummary("A supervisor gives the unclaimed case to a caseworker of its department, who is told by mail");
        return app;
    }

    public sealed record NewCaseMessage(string? Text, bool Internal = false);

    public sealed record InfoRequest(string? Text);

    public sealed record TransferRequest(string? DepartmentId, string? Reason);

    public sealed record ResolveRequest(string? Resolution);

    internal static async Task<Results<Ok<CaseDetail>, ProblemHttpResult>> GetAsync(Guid id, ClaimsPrincipal user, TicketDbContext db, TimeProvider clock, HttpContext http,
        CancellationToken ct)
    {
        var c = await db.OwnCases(user).AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return Staff.CaseNotFound();
        }

        var messages = await db.Messages.AsNoTracking().Where(m => m.CaseId == id).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync(ct);
        var history = await db.History.AsNoTracking().Where(h => h.CaseId == id).OrderBy(h => h.Id).ToListAsync(ct);
        var departmentName = await QueueApi.DepartmentNameAsync(db, c.DepartmentId, ct);
        http.Response.Headers.ETag = Staff.ETag(c);
        return TypedResults.Ok(new CaseDetail(
            c.Id, c.Reference, c.Type, c.Status, c.DepartmentId, c.ServiceId, c.Language, c.Reason, c.Priority, c.OpenedAt, c.UpdatedAt, c.SlaDueAt,
            c.SlaDueAt < clock.GetUtcNow(), c.AssigneeName, c.AssigneeId, c.Resolution, c.ConversationId, c.CitizenSnapshot, c.AnonymisedAt is not null,
            c.Form, c.Transcript, [.. messages.Select(CaseMessageView.Of)], [.. history.Select(HistoryView.Of)], Staff.ETag(c),
            departmentName, QueueItem.CitizenNameOf(c.CitizenSnapshot)));
    }

    internal static Task<Results<Ok<QueueItem>, ProblemHttpResult>> ClaimAsync(
        Guid id, ClaimsPrincipal user, [FromHeader(Name = "If-Match")] string? ifMatch, TicketDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        ActAsync(id, user, ifMatch, db, clock, http, ct, (c, me, now) => Task.FromResult(c.Claim(me, now)));

    internal static Task<Results<Ok<QueueItem>, ProblemHttpResult>> ReleaseAsync(
        Guid id, ClaimsPrincipal user, [FromHeader(Name = "If-Match")] string? ifMatch, TicketDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        ActAsync(id, user, ifMatch, db, clock, http, ct, (c, me, now) => Task.FromResult(c.Release(me, Staff.IsSupervisor(user), now)));

    internal static async Task<Results<Created<CaseMessageView>, ValidationProblem, ProblemHttpResult>> PostMessageAsync(
        Guid id, NewCaseMessage? body, ClaimsPrincipal user, [FromHeader(Name = "If-Match")] string? ifMatch, TicketDbContext db,
        IOptions<CaseOptions> options, SlaClock sla, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (TextProblem("text", body?.Text, options.Value.MaxTextLength) is { } invalid)
        {
            return invalid;
        }

        CaseMessage? posted = null;
        var result = await ActAsync(id, user, ifMatch, db, clock, http, ct, async (c, me, now) =>
        {
            if (body!.Internal)
            {
                posted = c.Note(me, body.Text!, now);
                return null;
            }

            var department = await sla.TermsAsync(c.DepartmentId, ct);
            return c.Reply(me, body.Text!, department, now, out posted);
        });
        return result.Result switch
        {
            Ok<QueueItem> => TypedResults.Created($"/api/cases/{id}", CaseMessageView.Of(posted!)),
            ProblemHttpResult problem => problem,
            _ => throw new InvalidOperationException("Unexpected result."),
        };
    }

    internal static async Task<Results<Ok<QueueItem>, ValidationProblem, ProblemHttpResult>> RequestInfoAsync(
        Guid id, InfoRequest? body, ClaimsPrincipal user, [FromHeader(Name = "If-Match")] string? ifMatch, TicketDbContext db,
        IOptions<CaseOptions> options, SlaClock sla, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (TextProblem("text", body?.Text, options.Value.MaxTextLength) is { } invalid)
        {
            return invalid;
        }

        return Widen(await ActAsync(id, user, ifMatch, db, clock, http, ct, async (c, me, now) =>
            c.RequestInfo(me, body!.Text!, await sla.TermsAsync(c.DepartmentId, ct), now)));
    }

    internal static async Task<Results<Ok<QueueItem>, ValidationProblem, ProblemHttpResult>> TransferAsync(
        Guid id, TransferRequest? body, ClaimsPrincipal user, [FromHeader(Name = "If-Match")] string? ifMatch, TicketDbContext db,
        IOptions<CaseOptions> options, SlaClock sla, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body?.DepartmentId) || body.DepartmentId.Length > 60)
        {
            errors["departmentId"] = ["Required: the id of the department that should take the case."];
        }

        if (TextProblem("reason", body?.Reason, options.Value.MaxTextLength) is not null)
        {
            errors["reason"] = [$"Required: why the case moves (at most {options.Value.MaxTextLength} characters)."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The case was not transferred.");
        }

        var target = await db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == body!.DepartmentId, ct);
        if (target is null)
        {
            return Problems.Unprocessable("Unknown department", $"There is no department '{body!.DepartmentId}' in the catalog.");
        }

        return Widen(await ActAsync(id, user, ifMatch, db, clock, http, ct, (c, me, now) =>
            Task.FromResult(c.Transfer(me, Staff.IsSupervisor(user), sla.TermsOf(target), body!.Reason!, now))));
    }

    internal static async Task<Results<Ok<QueueItem>, ValidationProblem, ProblemHttpResult>> ResolveAsync(
        Guid id, ResolveRequest? body, ClaimsPrincipal user, [FromHeader(Name = "If-Match")] string? ifMatch, TicketDbContext db,
        IOptions<CaseOptions> options, SlaClock sla, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (TextProblem("resolution", body?.Resolution, options.Value.MaxTextLength) is { } invalid)
        {
            return invalid;
        }

        return Widen(await ActAsync(id, user, ifMatch, db, clock, http, ct, async (c, me, now) =>
            c.Resolve(me, body!.Resolution!, await sla.TermsAsync(c.DepartmentId, ct), now)));
    }

    /// <summary>Who should hold the case: a caseworker's subject id.</summary>
    public sealed record AssignRequest(string? AssigneeId);

    internal static async Task<Results<Ok<QueueItem>, ValidationProblem, ProblemHttpResult>> AssignAsync(
        Guid id, AssignRequest? body, ClaimsPrincipal user, [FromHeader(Name = "If-Match")] string? ifMatch, TicketDbContext db,
        IRequestClient<GetStaffMember> staff, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body?.AssigneeId) || body.AssigneeId.Length > 100)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["assigneeId"] = ["Required: the subject id of a caseworker of the case's department."] }, title: "Nothing was changed.");
        }

        var department = await db.OwnCases(user).Where(x => x.Id == id).Select(x => x.DepartmentId).SingleOrDefaultAsync(ct);
        if (department is null)
        {
            return Staff.CaseNotFound();
        }

        StaffMember? caseworker;
        try
        {
            var member = await staff.GetResponse<StaffMember, StaffMemberNotFound>(new GetStaffMember(body.AssigneeId.Trim()), ct, RequestTimeout.After(s: 10));
            caseworker = member.Is(out Response<StaffMember>? found) && found!.Message.Roles.Contains(StaffRoles.Caseworker) ? found.Message : null;
        }
        catch (RequestTimeoutException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The staff directory does not answer",
                detail: "Nothing was changed; try again in a moment.");
        }

        if (caseworker is null || !caseworker.Departments.Contains(department))
        {
            return Problems.Unprocessable("Not a caseworker of the department", $"'{body.AssigneeId}' is not a caseworker of {department}; nothing was changed.");
        }

        return Widen(await ActAsync(id, user, ifMatch, db, clock, http, ct, (c, me, now) => Task.FromResult(c.DepartmentId == department
            ? c.Assign(me, new Actor(caseworker.SubjectId, caseworker.Name), now)
            : new CaseRefusal(CaseRefusalKind.NotPossible, "The case moved to another department meanwhile."))));
    }

    /// <summary>
    /// Loads the caller's case, checks <c>If-Match</c>, lets <paramref name="act"/> change it (or refuse), and saves the
    /// change, its audit entry and its event at once. A concurrent change of the same case loses with 409 and the
    /// case's current holder and status.
    /// </summary>
    private static async Task<Results<Ok<QueueItem>, ProblemHttpResult>> ActAsync(
        Guid id, ClaimsPrincipal user, string? ifMatch, TicketDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct,
        Func<Case, Actor, DateTimeOffset, Task<CaseRefusal?>> act)
    {
        var c = await db.OwnCases(user).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return Staff.CaseNotFound();
        }

        if (!ETags.Allows(ifMatch, c.Version))
        {
            return Problems.Stale("The case changed since you read it; read it again.");
        }

        var now = clock.GetUtcNow();
        if (await act(c, Actor.Of(user), now) is { } refused)
        {
            return Staff.Refused(c, refused);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Cases.AsNoTracking().SingleAsync(x => x.Id == id, ct);
            return current.AssigneeId is not null
                ? Staff.HeldBy(current, current.AssigneeId == Actor.Of(user).Id
                    ? "Another of your requests changed this case a moment ago; read it again."
                    : $"{current.AssigneeName ?? current.AssigneeId} took or changed this case a moment ago.")
                : Problems.Conflict("Changed meanwhile", "The case changed while you were acting on it; read it again.", new Dictionary<string,
                    object?>
                { ["status"] = current.Status });
        }

        http.Response.Headers.ETag = Staff.ETag(c);
        return TypedResults.Ok(QueueItem.Of(c, now));
    }

    private static Results<Ok<QueueItem>, ValidationProblem, ProblemHttpResult> Widen(Results<Ok<QueueItem>, ProblemHttpResult> result) => result.Result switch
    {
        Ok<QueueItem> ok => ok,
        ProblemHttpResult problem => problem,
        _ => throw new InvalidOperationException("Unexpected result."),
    };

    private static ValidationProblem? TextProblem(string field, string? text, int max) =>
        string.IsNullOrWhiteSpace(text) || text.Length > max
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [$"Required, at most {max} characters."] }, title: "Nothing was changed.")
            : null;
}
