using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MucGov.Contracts.Ticket;
using MucGov.Shared.Auth;
using MucGov.Shared.Messaging.Outbox;
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
/// <c>/api/cases/{id}</c>: one case of the caller's departments and what a caseworker does with it. Every change goes
/// through the state machine, is written to the audit trail and publishes its event in the same transaction; a case
/// changed by someone else in the meantime is a 409 (or 412 when the caller sent <c>If-Match</c>).
/// </summary>
public static class CasesApi
{
    public static WebApplication MapCasesApi(this WebApplication app)
    {
        var cases = app.MapGroup("/api/cases/{id:guid}").WithTags("Cases").RequireAuthorization(Policies.Caseworker);
        cases.MapGet("/", GetAsync).WithName("GetCase").WithSummary("The case with transcript, citizen snapshot, messages and history");
        cases.MapPost("/claim", ClaimAsync).WithName("ClaimCase").WithSummary("Takes the case; 409 names who holds it when someone was faster");
        cases.MapPost("/release", ReleaseAsync).WithName("ReleaseCase").WithSummary("Puts the case back into the queue");
        cases.MapPost("/messages", PostMessageAsync).WithName("PostCaseMessage").WithSummary("A public reply (reaches the citizen's chat) or an internal note");
        cases.MapPost("/request-info", RequestInfoAsync).WithName("RequestInfo").WithSummary("Asks the citizen a question; the case waits for the answer");
        cases.MapPost("/transfer", TransferAsync).WithName("TransferCase").WithSummary("Moves the case to another department's queue");
        cases.MapPost("/resolve", ResolveAsync).WithName("ResolveCase").WithSummary("Closes the case with a resolution the citizen sees");
        return app;
    }

    public sealed record NewCaseMessage(string? Text, bool Internal = false);

    public sealed record InfoRequest(string? Text);

    public sealed record TransferRequest(string? DepartmentId, string? Reason);

    public sealed record ResolveRequest(string? Resolution);

    internal static async Task<Results<Ok<CaseDetail>, ProblemHttpResult>> GetAsync(Guid id, ClaimsPrincipal user, TicketDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var c = await db.OwnCases(user).AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return Staff.CaseNotFound();
        }

        var messages = await db.Messages.AsNoTracking().Where(m => m.CaseId == id).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync(ct);
        var history = await db.History.AsNoTracking().Where(h => h.CaseId == id).OrderBy(h => h.Id).ToListAsync(ct);
        http.Response.Headers.ETag = Staff.ETag(c);
        return TypedResults.Ok(new CaseDetail(
            c.Id, c.Reference, c.Type, c.Status, c.DepartmentId, c.ServiceId, c.Language, c.Reason, c.Priority, c.OpenedAt, c.UpdatedAt, c.SlaDueAt,
            c.SlaDueAt < clock.GetUtcNow(), c.AssigneeName, c.AssigneeId, c.Resolution, c.ConversationId, c.CitizenSnapshot, c.AnonymisedAt is not null,
            c.Form, c.Transcript, [.. messages.Select(CaseMessageView.Of)], [.. history.Select(HistoryView.Of)], Staff.ETag(c)));
    }

    internal static Task<Results<Ok<QueueItem>, ProblemHttpResult>> ClaimAsync(
        Guid id, ClaimsPrincipal user, [FromHeader(Name = "If-Match")] string? ifMatch, TicketDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        ActAsync(id, user, ifMatch, db, clock, http, ct, (c, me, now) =>
        {
            if (c.AssigneeId is not null)
            {
                return Task.FromResult<ProblemHttpResult?>(Staff.HeldBy(c, c.AssigneeId == me.Id ? "You already hold this case." : $"{c.AssigneeName ?? c.AssigneeId} holds this case."));
            }

            if (Refused(c, CaseAction.Claim) is { } refused)
            {
                return Task.FromResult<ProblemHttpResult?>(refused);
            }

            c.AssigneeId = me.Id;
            c.AssigneeName = me.Name;
            Move(db, c, me, CaseAction.Claim, "claimed", now);
            db.AddToOutbox(new CaseAssigned(c.Id, c.ConversationId, me.Id), clock);
            return Task.FromResult<ProblemHttpResult?>(null);
        });

    internal static Task<Results<Ok<QueueItem>, ProblemHttpResult>> ReleaseAsync(
        Guid id, ClaimsPrincipal user, [FromHeader(Name = "If-Match")] string? ifMatch, TicketDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        ActAsync(id, user, ifMatch, db, clock, http, ct, (c, me, now) =>
        {
            if (c.AssigneeId is not null && c.AssigneeId != me.Id && !Staff.IsSupervisor(user))
            {
                return Task.FromResult<ProblemHttpResult?>(Staff.HeldBy(c, $"{c.AssigneeName ?? c.AssigneeId} holds this case; only they or a supervisor can release it."));
            }

            if (Refused(c, CaseAction.Release) is { } refused)
            {
                return Task.FromResult<ProblemHttpResult?>(refused);
            }

            var previous = c.AssigneeName ?? c.AssigneeId;
            c.AssigneeId = null;
            c.AssigneeName = null;
            Move(db, c, me, CaseAction.Release, "released", now, $"was held by {previous}");
            return Task.FromResult<ProblemHttpResult?>(null);
        });

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
                // Notes are the department's own: anyone in it may add one, in any status; they never leave this service.
                posted = Message(c, me, body.Text!, now, isInternal: true, requestsInfo: false);
                db.Messages.Add(posted);
                Move(db, c, me, CaseAction.Note, "noted", now);
                return null;
            }

            if ((HolderProblem(c, me) ?? Refused(c, CaseAction.Reply)) is { } refused)
            {
                return refused;
            }

            posted = Message(c, me, body.Text!, now, isInternal: false, requestsInfo: false);
            db.Messages.Add(posted);
            c.FirstResponseAt ??= now;
            if (c.Status == CaseStatus.InProgress)
            {
                c.SlaDueAt = await sla.FollowUpDueAsync(c.DepartmentId, now, ct);
            }

            Move(db, c, me, CaseAction.Reply, "replied", now);
            await PublishReplyAsync(db, c, posted, clock, ct);
            return null;
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
        IOptions<CaseOptions> options, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (TextProblem("text", body?.Text, options.Value.MaxTextLength) is { } invalid)
        {
            return invalid;
        }

        return Widen(await ActAsync(id, user, ifMatch, db, clock, http, ct, async (c, me, now) =>
        {
            if ((HolderProblem(c, me) ?? Refused(c, CaseAction.RequestInfo)) is { } refused)
            {
                return refused;
            }

            var question = Message(c, me, body!.Text!, now, isInternal: false, requestsInfo: true);
            db.Messages.Add(question);
            c.FirstResponseAt ??= now;
            // The ball is in the citizen's court: no deadline runs until they answer.
            c.SlaDueAt = null;
            Move(db, c, me, CaseAction.RequestInfo, "requested-info", now);
            await PublishReplyAsync(db, c, question, clock, ct);
            return null;
        }));
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

        return Widen(await ActAsync(id, user, ifMatch, db, clock, http, ct, async (c, me, now) =>
        {
            if (c.DepartmentId == target.Id)
            {
                return Problems.Conflict("Already there", $"The case is already in the queue of {target.Name}.");
            }

            if (c.AssigneeId is not null && c.AssigneeId != me.Id && !Staff.IsSupervisor(user))
            {
                return Staff.HeldBy(c, $"{c.AssigneeName ?? c.AssigneeId} holds this case; only they or a supervisor can transfer it.");
            }

            if (Refused(c, CaseAction.Transfer) is { } refused)
            {
                return refused;
            }

            var from = c.DepartmentId;
            c.DepartmentId = target.Id;
            c.AssigneeId = null;
            c.AssigneeName = null;
            c.SlaDueAt = await sla.ResponseDueAsync(target.Id, now, ct);
            c.SlaBreachReportedFor = null;
            Move(db, c, me, CaseAction.Transfer, "transferred", now, $"from {from} to {target.Id}: {body!.Reason}");
            db.AddToOutbox(new CaseTransferred(c.Id, c.ConversationId, from, target.Id, Guid.CreateVersion7(now), c.Reference, target.Name), clock);
            return null;
        }));
    }

    internal static async Task<Results<Ok<QueueItem>, ValidationProblem, ProblemHttpResult>> ResolveAsync(
        Guid id, ResolveRequest? body, ClaimsPrincipal user, [FromHeader(Name = "If-Match")] string? ifMatch, TicketDbContext db,
        IOptions<CaseOptions> options, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (TextProblem("resolution", body?.Resolution, options.Value.MaxTextLength) is { } invalid)
        {
            return invalid;
        }

        return Widen(await ActAsync(id, user, ifMatch, db, clock, http, ct, (c, me, now) =>
        {
            if ((HolderProblem(c, me) ?? Refused(c, CaseAction.Resolve)) is { } refused)
            {
                return Task.FromResult<ProblemHttpResult?>(refused);
            }

            c.Resolution = body!.Resolution!.Trim();
            c.ResolvedAt = now;
            c.SlaDueAt = null;
            Move(db, c, me, CaseAction.Resolve, "resolved", now, c.Resolution);
            db.AddToOutbox(new CaseResolved(c.Id, c.ConversationId, c.Resolution, c.Reference), clock);
            return Task.FromResult<ProblemHttpResult?>(null);
        }));
    }

    /// <summary>
    /// Loads the caller's case, checks <c>If-Match</c>, lets <paramref name="act"/> change it (or refuse), and saves the
    /// change, its audit entry and its event at once. A concurrent change of the same case loses with 409 and the
    /// case's current holder and status.
    /// </summary>
    private static async Task<Results<Ok<QueueItem>, ProblemHttpResult>> ActAsync(
        Guid id, ClaimsPrincipal user, string? ifMatch, TicketDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct,
        Func<Case, Actor, DateTimeOffset, Task<ProblemHttpResult?>> act)
    {
        var c = await db.OwnCases(user).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return Staff.CaseNotFound();
        }

        if (!string.IsNullOrWhiteSpace(ifMatch) && ifMatch.Trim() != "*" && ifMatch.Trim() != Staff.ETag(c))
        {
            return Problems.Stale("The case changed since you read it; read it again.");
        }

        var now = clock.GetUtcNow();
        if (await act(c, Actor.Of(user), now) is { } refused)
        {
            return refused;
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
                : Problems.Conflict("Changed meanwhile", "The case changed while you were acting on it; read it again.", new Dictionary<string, object?> { ["status"] = current.Status });
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

    private static ProblemHttpResult? Refused(Case c, CaseAction action) =>
        CaseStateMachine.Apply(c.Status, action) is { Allowed: false, Refusal: var reason } ? Staff.Illegal(c, reason!) : null;

    /// <summary>Public answers and decisions come from the caseworker holding the case.</summary>
    private static ProblemHttpResult? HolderProblem(Case c, Actor me) =>
        c.AssigneeId is { } holder && holder != me.Id ? Staff.HeldBy(c, $"{c.AssigneeName ?? holder} holds this case.") : null;

    /// <summary>Applies the state machine's answer (already checked) and writes the audit entry.</summary>
    private static void Move(TicketDbContext db, Case c, Actor me, CaseAction action, string name, DateTimeOffset now, string? detail = null)
    {
        var from = c.Status;
        c.Status = CaseStateMachine.Apply(from, action).To!;
        db.Record(c, me, name, from, c.Status, now, detail);
    }

    private static CaseMessage Message(Case c, Actor me, string text, DateTimeOffset now, bool isInternal, bool requestsInfo) => new()
    {
        Id = Guid.CreateVersion7(now), CaseId = c.Id, Author = Authors.Caseworker, AuthorId = me.Id, AuthorName = me.Name, Text = text.Trim(),
        Internal = isInternal, RequestsInfo = requestsInfo, CreatedAt = now,
    };

    private static async Task PublishReplyAsync(TicketDbContext db, Case c, CaseMessage message, TimeProvider clock, CancellationToken ct)
    {
        var department = await db.Departments.AsNoTracking().Where(d => d.Id == c.DepartmentId).Select(d => d.Name).SingleOrDefaultAsync(ct);
        db.AddToOutbox(new CaseMessagePosted(message.Id, c.Id, c.ConversationId, message.Text, c.Reference, message.CreatedAt, message.RequestsInfo, c.DepartmentId, department), clock);
    }

    private static ValidationProblem? TextProblem(string field, string? text, int max) =>
        string.IsNullOrWhiteSpace(text) || text.Length > max
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [$"Required, at most {max} characters."] }, title: "Nothing was changed.")
            : null;
}
