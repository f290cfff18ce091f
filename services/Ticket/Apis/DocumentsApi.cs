using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MucGov.Shared.Auth;
using MucGov.Shared.ServiceDefaults;
using MucGov.Ticket.Data;
using MucGov.Ticket.Documents;

namespace MucGov.Ticket.Apis;

/// <summary>
/// Issued documents: the citizen downloads their own (<c>/api/my/documents/{id}</c>, scope <c>cases</c>); anyone
/// holding a document can check it is genuine (<c>/api/documents/verify/{code}</c>) — valid or not, what and when,
/// never more personal data than the paper shows.
/// </summary>
public static class DocumentsApi
{
    public static WebApplication MapDocumentsApi(this WebApplication app)
    {
        app.MapGet("/api/my/documents/{id:guid}", DownloadAsync).WithTags("My cases").WithName("GetMyDocument")
            .RequireAuthorization(Policies.MyCases).Produces(StatusCodes.Status200OK, contentType: "application/pdf");
        app.MapGet("/api/documents/verify/{code}", VerifyAsync).WithTags("Documents").WithName("VerifyDocument").AllowAnonymous();
        return app;
    }

    /// <param name="Code">The code as checked (normalised).</param>
    /// <param name="Valid">The city issued a document with this code.</param>
    /// <param name="Title">What it is (e.g. Meldebescheinigung).</param>
    /// <param name="ServiceId">The catalog service.</param>
    /// <param name="IssuedAt">When it was issued.</param>
    public sealed record Verification(string Code, bool Valid, string? Title, string? ServiceId, DateTimeOffset? IssuedAt);

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(Guid id, ClaimsPrincipal user, TicketDbContext db, CancellationToken ct)
    {
        var citizen = user.AccountId();
        var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.CitizenId == citizen && d.Pdf != null, ct);
        return document is null
            ? Problems.NotFound("You have no such document.")
            : TypedResults.File(document.Pdf!, "application/pdf", $"{document.ServiceId}-{document.VerificationCode}.pdf");
    }

    internal static async Task<Results<Ok<Verification>, ValidationProblem>> VerifyAsync(string code, TicketDbContext db, CancellationToken ct)
    {
        if (code.Length > 40)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["code"] = ["The code printed on the document, like 7KQ2-M9XD-4HTR-B8WN."] });
        }

        var normalised = VerificationCodes.Normalise(code);
        var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.VerificationCode == normalised, ct);
        return TypedResults.Ok(document is null
            ? new Verification(normalised, false, null, null, null)
            : new Verification(normalised, true, document.Title, document.ServiceId, document.IssuedAt));
    }
}
