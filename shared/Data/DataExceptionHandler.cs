using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MucGov.Shared.Data;

/// <summary>
/// Answers the data errors that escape a handler instead of a 500: a lost optimistic-concurrency race (row version)
/// and a business uniqueness violation (unique index) with 409; text PostgreSQL cannot store (the NUL character,
/// a lone surrogate) with 400 — the transaction failed, so nothing of the request was stored. Handlers that expect
/// them answer more precisely.
/// </summary>
internal sealed class DataExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "Conflict", "The resource was changed by someone else. Reload it and try again."),
            DbUpdateException unique when unique.IsUniqueViolation() => (StatusCodes.Status409Conflict, "Conflict",
                "The resource already exists."),
            _ when Postgres(exception) is { SqlState: PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter } =>
                (StatusCodes.Status400BadRequest, "Invalid text", "The text contains a character that cannot be stored (such as the NUL character)."),
            _ => (0, "", ""),
        };
        if (status == 0)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    private static PostgresException? Postgres(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is PostgresException postgres)
            {
                return postgres;
            }
        }

        return null;
    }
}
