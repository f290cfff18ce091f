using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MucGov.Shared.ServiceDefaults;

/// <summary>The problem+json answers the services give most often, worded the same everywhere.</summary>
public static class Problems
{
    /// <summary>404: also the answer for things that exist but are not the caller's (never reveal them).</summary>
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    /// <summary>403: the caller is known but may not do this (say why, never what exists).</summary>
    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);

    /// <summary>409: the request does not fit the resource's current state; <paramref name="extensions"/> say what it is now.</summary>
    public static ProblemHttpResult Conflict(string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail, extensions: extensions);

    /// <summary>412: the <c>If-Match</c> the client sent is not the current version.</summary>
    public static ProblemHttpResult Stale(string detail = "Someone changed it since you read it; read it again and retry.") =>
        TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Changed meanwhile", detail: detail);

    /// <summary>422: well-formed but not acceptable (an unknown target, a rule of the domain).</summary>
    public static ProblemHttpResult Unprocessable(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: title, detail: detail);
}
