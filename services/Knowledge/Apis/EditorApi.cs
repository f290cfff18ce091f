using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MucGov.Knowledge.Catalog;
using MucGov.Knowledge.Data;
using MucGov.Shared.Auth;
using MucGov.Shared.Data;
using MucGov.Shared.ServiceDefaults;

namespace MucGov.Knowledge.Apis;

/// <summary>
/// Catalog editing for role <c>knowledge-editor</c> (scope <c>knowledge.edit</c>). Updates and deletes need the
/// service's ETag in <c>If-Match</c>: a stale one is refused with 412, a missing one with 428.
/// </summary>
public static class EditorApi
{
    public static WebApplication MapEditorApi(this WebApplication app)
    {
        var editor = app.MapGroup("/api/knowledge/services").WithTags("Catalog editing").RequireAuthorization(Policies.KnowledgeEditor);
        editor.MapPost("/", CreateAsync).WithName("CreateService");
        editor.MapPut("/{id}", UpdateAsync).WithName("UpdateService");
        editor.MapDelete("/{id}", DeleteAsync).WithName("DeleteService");
        return app;
    }

    internal static async Task<Results<Created<ServiceEntry>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        ServiceEntry? service, KnowledgeDbContext db, CatalogStore store, HttpContext http, CancellationToken ct)
    {
        var shape = CatalogValidation.Shape(service);
        if (shape.Count > 0)
        {
            return TypedResults.ValidationProblem(shape, title: "The service was not stored.");
        }

        if (await ReferenceProblemAsync(service!, db, ct) is { } unprocessable)
        {
            return unprocessable;
        }

        if (await db.Services.AnyAsync(s => s.Id == service!.Id, ct))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Exists", detail: $"A service '{service!.Id}' exists; update it with PUT.");
        }

        var row = await store.PutServiceAsync(service!, null, ct);
        await db.SaveChangesAsync(ct);
        http.Response.Headers.ETag = ETag(row);
        return TypedResults.Created($"/api/knowledge/services/{row.Id}", row.Entry);
    }

    internal static async Task<IResult> UpdateAsync(
        string id, ServiceEntry? service, [FromHeader(Name = "If-Match")] string? ifMatch, KnowledgeDbContext db, CatalogStore store, HttpContext http, CancellationToken ct)
    {
        var shape = CatalogValidation.Shape(service);
        if (service is not null && service.Id != id)
        {
            shape["id"] = ["Must be the id in the path."];
        }

        if (shape.Count > 0)
        {
            return TypedResults.ValidationProblem(shape, title: "The service was not stored.");
        }

        var row = await db.Services.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (row is null)
        {
            return KnowledgeApi.NotFound($"There is no service '{id}'.");
        }

        if (Precondition(ifMatch, row) is { } failed)
        {
            return failed;
        }

        if (await ReferenceProblemAsync(service!, db, ct) is { } unprocessable)
        {
            return unprocessable;
        }

        if (await SaveIfUnchangedAsync(db, "services", row.Id, row.RowVersion, "service", () => store.PutServiceAsync(service!, row, ct), ct) is { } stale)
        {
            return stale;
        }
        http.Response.Headers.ETag = ETag(row);
        return TypedResults.Ok(row.Entry);
    }

    internal static async Task<IResult> DeleteAsync(
        string id, [FromHeader(Name = "If-Match")] string? ifMatch, KnowledgeDbContext db, CatalogStore store, CancellationToken ct)
    {
        var row = await db.Services.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (row is null)
        {
            return KnowledgeApi.NotFound($"There is no service '{id}'.");
        }

        if (Precondition(ifMatch, row) is { } failed)
        {
            return failed;
        }

        if (await SaveIfUnchangedAsync(db, "services", row.Id, row.RowVersion, "service", () => store.DeleteServiceAsync(row, ct), ct) is { } stale)
        {
            return stale;
        }
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Applies <paramref name="change"/> and saves it in a transaction that first locks the row if it still has the
    /// version the caller read: a concurrent editor waits on the lock and then finds the row changed. Null when saved,
    /// else the 412 to answer.
    /// </summary>
    internal static async Task<IResult?> SaveIfUnchangedAsync(
        KnowledgeDbContext db, string table, string id, uint version, string what, Func<Task> change, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await LockIfUnchangedAsync(db, table, id, version, ct))
        {
            return Stale(what);
        }

        await change();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale(what);
        }

        await transaction.CommitAsync(ct);
        return null;
    }

    /// <summary>Locks the row <paramref name="id"/> of <paramref name="table"/> if its xmin is still <paramref name="version"/>.</summary>
    private static async Task<bool> LockIfUnchangedAsync(KnowledgeDbContext db, string table, string id, uint version, CancellationToken ct)
    {
        var current = await db.ScalarAsync<uint>($"SELECT xmin FROM {table} WHERE id = @id FOR UPDATE", ct, ("id", id));
        return current == version;
    }

    /// <summary>The ETag of a service: its row version.</summary>
    public static string ETag(ServiceRow row) => ETag(row.RowVersion);

    /// <summary>An entry's ETag: its row version.</summary>
    public static string ETag(uint rowVersion) => ETags.Of(rowVersion);

    private static IResult? Precondition(string? ifMatch, ServiceRow row) => Precondition(ifMatch, row.RowVersion, "service");

    /// <summary>428 without <c>If-Match</c>, 412 when it names another version than <paramref name="rowVersion"/>; null when it matches.</summary>
    internal static IResult? Precondition(string? ifMatch, uint rowVersion, string what)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match required",
                detail: $"Send the ETag you read (GET the {what} through this API) in If-Match, so no one else's change is overwritten.");
        }

        return ETags.Allows(ifMatch, rowVersion) ? null : Stale(what);
    }

    internal static IResult Stale(string what = "service") =>
        Problems.Stale($"The {what} was changed by someone else since you read it. Read it again and repeat your change.");

    private static async Task<ProblemHttpResult?> ReferenceProblemAsync(ServiceEntry service, KnowledgeDbContext db, CancellationToken ct)
    {
        var departments = (await db.Departments.Select(d => d.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var locations = (await db.Locations.Select(l => l.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var services = (await db.Services.Select(s => s.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var errors = CatalogValidation.References(service, departments, locations, services);
        if (errors.Count == 0)
        {
            return null;
        }

        return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Unknown references",
            detail: "The service refers to things the catalog does not have.", extensions: new Dictionary<string, object?> { ["errors"] = errors });
    }
}
