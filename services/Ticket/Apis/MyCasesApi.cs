using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MucGov.Shared.Auth;
using MucGov.Shared.ServiceDefaults;
using MucGov.Ticket.Cases;
using MucGov.Ticket.Data;

namespace MucGov.Ticket.Apis;

/// <summary>
/// <c>/api/my/cases</c>: a citizen's own cases (scope <c>cases</c>) with status and the public conversation only —
/// internal notes, caseworkers' names and the audit trail stay inside the city.
/// </summary>
public static class MyCasesApi
{
    public static WebApplication MapMyCasesApi(this WebApplication app)
    {
        var mine = app.MapGroup("/api/my/cases").WithTags("My cases").RequireAuthorization(Policies.MyCases);
        mine.MapGet("/", ListAsync).WithName("GetMyCases").WithSummary("The signed-in citizen's cases, latest change first").WithExamples(response: ApiExamples.MyCases);
        mine.MapGet("/{reference}", GetAsync).WithName("GetMyCase");
        return app;
    }

    public sealed record MyCase(string Reference, string Type, string Status, string DepartmentId, string? DepartmentName, string? ServiceId, DateTimeOffset OpenedAt,
        DateTimeOffset UpdatedAt);

    public sealed record MyCaseList(IReadOnlyList<MyCase> Items);

    /// <summary>A public message; caseworkers' replies are signed with the department, not their names.</summary>
    public sealed record MyCaseMessage(string Author, string From, string Text, bool RequestsInfo, DateTimeOffset CreatedAt);

    public sealed record MyCaseDetail(
        string Reference, string Type, string Status, string DepartmentId, string? DepartmentName, string? ServiceId, DateTimeOffset OpenedAt,
        DateTimeOffset UpdatedAt, string? Resolution, DateTimeOffset? ResolvedAt, Guid ConversationId, IReadOnlyList<MyCaseMessage> Messages);

    internal static async Task<Ok<MyCaseList>> ListAsync(ClaimsPrincipal user, TicketDbContext db, CancellationToken ct)
    {
        var citizen = user.AccountId();
        var items = await db.Cases.AsNoTracking().Where(c => c.CitizenId == citizen).OrderByDescending(c => c.UpdatedAt).Take(200)
            .Select(c => new MyCase(c.Reference, c.Type, c.Status, c.DepartmentId,
                db.Departments.Where(d => d.Id == c.DepartmentId).Select(d => d.Name).FirstOrDefault(), c.ServiceId, c.OpenedAt, c.UpdatedAt))
            .ToListAsync(ct);
        return TypedResults.Ok(new MyCaseList(items));
    }

    internal static async Task<Results<Ok<MyCaseDetail>, ProblemHttpResult>> GetAsync(string reference, ClaimsPrincipal user, TicketDbContext db, CancellationToken ct)
    {
        var citizen = user.AccountId();
        var c = await db.Cases.AsNoTracking().SingleOrDefaultAsync(x => x.Reference == reference && x.CitizenId == citizen, ct);
        if (c is null)
        {
            return Problems.NotFound($"You have no case '{reference}'.");
        }

        var department = await db.Departments.AsNoTracking().Where(d => d.Id == c.DepartmentId).Select(d => d.Name).SingleOrDefaultAsync(ct);
        var messages = await db.Messages.AsNoTracking().Where(m => m.CaseId == c.Id && !m.Internal).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync(ct);
        return TypedResults.Ok(new MyCaseDetail(
            c.Reference, c.Type, c.Status, c.DepartmentId, department, c.ServiceId, c.OpenedAt, c.UpdatedAt, c.Resolution, c.ResolvedAt, c.ConversationId,
            [.. messages.Select(m => new MyCaseMessage(m.Author, m.Author == Authors.Citizen ? "you" : department ?? c.DepartmentId, m.Text, m.RequestsInfo, m.CreatedAt))]));
    }
}
