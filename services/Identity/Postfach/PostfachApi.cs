using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MucGov.Identity.Data;
using MucGov.Shared.Auth;

namespace MucGov.Identity.Postfach;

/// <summary><c>/api/postfach</c>: the signed-in citizen's own Postfach (list, read, mark read, delete).</summary>
public static class PostfachApi
{
    /// <summary>Most messages one list returns.</summary>
    public const int MaxTake = 100;

    public static WebApplication MapPostfachApi(this WebApplication app)
    {
        var postfach = app.MapGroup("/api/postfach").RequireAuthorization(Extensions.ProfilePolicy).WithTags("Postfach").DisableAntiforgery();
        postfach.MapGet("/", ListAsync).WithName("GetPostfach")
            .WithSummary("The citizen's Postfach, newest first, with the number of unread messages.");
        postfach.MapGet("/{id:guid}", GetAsync).WithName("GetPostfachMessage").WithSummary("One message (reading it does not mark it read).");
        postfach.MapPost("/{id:guid}/read", MarkReadAsync).WithName("MarkPostfachMessageRead")
            .WithSummary("Marks the message read; the time of the first reading never changes.");
        postfach.MapDelete("/{id:guid}", DeleteAsync).WithName("DeletePostfachMessage").WithSummary("Deletes the citizen's copy (the case stays the city's record).");
        return app;
    }

    /// <summary>A message as the citizen sees it; <c>documentUrl</c> is the download at the public origin.</summary>
    public sealed record PostfachMessageView(
        Guid Id, string DepartmentId, string Department, Guid? CaseId, string Reference, string Kind, string Subject, string Body, Guid? DocumentId,
        string? DocumentUrl, string Language, DateTimeOffset SentAt, DateTimeOffset ReceivedAt, DateTimeOffset? FirstReadAt, bool Read);

    public sealed record PostfachView(IReadOnlyList<PostfachMessageView> Messages, int Unread, int Total);

    /// <summary>The download of a Postfach message's document through the gateway (the ticket service's "my documents").</summary>
    public static string? DocumentUrl(PostfachMessage message) => message.DocumentId is { } id ? $"/api/my/documents/{id}" : null;

    public static PostfachMessageView View(PostfachMessage m) => new(
        m.Id, m.DepartmentId, m.DepartmentName ?? m.DepartmentId, m.CaseId, m.Reference, m.Kind, m.Subject, m.Body, m.DocumentId, DocumentUrl(m), m.Language,
        m.SentAt, m.ReceivedAt, m.FirstReadAt, m.FirstReadAt is not null);

    internal static async Task<Results<Ok<PostfachView>, ValidationProblem, NotFound>> ListAsync(
        ClaimsPrincipal user, AccountDbContext db, CancellationToken ct, bool? unread = null, int? take = null)
    {
        if (take is < 1 or > MaxTake)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["take"] = [$"Between 1 and {MaxTake}."] }, title: "The Postfach cannot be listed like that.");
        }

        if (user.AccountId() is not { } me)
        {
            return TypedResults.NotFound();
        }

        // The list and its counts from one snapshot: a letter arriving in between is in both or in neither.
        await using var snapshot = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var mine = db.PostfachMessages.AsNoTracking().Where(m => m.AccountId == me);
        var listed = unread == true ? mine.Where(m => m.FirstReadAt == null) : mine;
        var messages = await listed.OrderByDescending(m => m.ReceivedAt).ThenByDescending(m => m.Id).Take(take ?? 50).ToListAsync(ct);
        var counts = await mine.GroupBy(_ => 1).Select(g => new { Total = g.Count(), Unread = g.Count(m => m.FirstReadAt == null) }).SingleOrDefaultAsync(ct);
        return TypedResults.Ok(new PostfachView([.. messages.Select(View)], counts?.Unread ?? 0, counts?.Total ?? 0));
    }

    internal static async Task<Results<Ok<PostfachMessageView>, NotFound>> GetAsync(Guid id, ClaimsPrincipal user, AccountDbContext db, CancellationToken ct)
    {
        var message = await FindAsync(id, user, db, ct);
        return message is null ? TypedResults.NotFound() : TypedResults.Ok(View(message));
    }

    internal static async Task<Results<Ok<PostfachMessageView>, NotFound>> MarkReadAsync(
        Guid id, ClaimsPrincipal user, AccountDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var message = await FindAsync(id, user, db, ct);
        if (message is null)
        {
            return TypedResults.NotFound();
        }

        message.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(View(message));
    }

    internal static async Task<Results<NoContent, NotFound>> DeleteAsync(Guid id, ClaimsPrincipal user, AccountDbContext db, CancellationToken ct)
    {
        var me = user.AccountId();
        var deleted = me is null ? 0 : await db.PostfachMessages.Where(m => m.Id == id && m.AccountId == me).ExecuteDeleteAsync(ct);
        return deleted == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }

    private static async Task<PostfachMessage?> FindAsync(Guid id, ClaimsPrincipal user, AccountDbContext db, CancellationToken ct)
    {
        var me = user.AccountId();
        return me is null ? null : await db.PostfachMessages.SingleOrDefaultAsync(m => m.Id == id && m.AccountId == me, ct);
    }
}
