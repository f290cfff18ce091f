using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MucGov.Shared.Auth;
using MucGov.Shared.ServiceDefaults;
using MucGov.Ticket.Queue;

namespace MucGov.Ticket.Apis;

/// <summary>
/// <c>GET /api/queue/events</c>: the caller's departments' queue changes as Server-Sent Events. The stream opens with
/// <c>event: ready</c> — the moment to (re)load <c>GET /api/queue</c>, which is the truth — then sends one
/// <c>event: queue-changed</c> per change (new, claimed, released, transferred, breached, citizen-wrote, answered,
/// resolved). It ends when the caller's token expires; the client reconnects with a fresh one and reloads.
/// </summary>
public static class QueueEventsApi
{
    public static WebApplication MapQueueEventsApi(this WebApplication app)
    {
        app.MapGet("/api/queue/events", StreamAsync).WithTags("Queue").RequireAuthorization(Policies.Caseworker).WithName("GetQueueEvents")
            .WithSummary("Server-Sent Events: 'ready' on connect (reload the queue), then 'queue-changed' { caseId, departmentId, change, reference, at }")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream").ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    internal static async Task StreamAsync(ClaimsPrincipal user, HttpContext http, QueueEvents events, IOptions<QueueOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var subject = Cases.Actor.Of(user).Id;
        if (events.OpenFor(subject) >= options.Value.StreamsPerCaseworker)
        {
            http.Response.Headers.RetryAfter = "30";
            await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many open queue streams",
                detail: $"At most {options.Value.StreamsPerCaseworker} live queue streams per caseworker; close one first.").ExecuteAsync(http);
            return;
        }

        var departments = user.Departments().ToHashSet(StringComparer.Ordinal);
        using var subscription = events.Subscribe(subject, departments);
        using var untilExpiry = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (ExpiresIn(user, clock) is { } left)
        {
            untilExpiry.CancelAfter(left);
        }

        try
        {
            await http.Response.StartEventStreamAsync(untilExpiry.Token);
            await http.Response.WriteEventAsync(JsonSerializer.Serialize(new { departments = departments.Order(StringComparer.Ordinal) }, JsonSerializerOptions.Web),
                untilExpiry.Token, name: "ready");
            await http.Response.Body.FlushAsync(untilExpiry.Token);
            while (!untilExpiry.IsCancellationRequested)
            {
                if (await subscription.NextAsync(options.Value.HeartbeatInterval, untilExpiry.Token) is not { } change)
                {
                    await http.Response.WriteHeartbeatAsync(untilExpiry.Token);
                    continue;
                }

                await http.Response.WriteEventAsync(JsonSerializer.Serialize(change, JsonSerializerOptions.Web), untilExpiry.Token, name: "queue-changed");
                await http.Response.Body.FlushAsync(untilExpiry.Token);
            }
        }
        catch (OperationCanceledException) when (untilExpiry.IsCancellationRequested)
        {
            // The console went away, or its token expired: it reconnects (with a fresh token) and reloads the queue.
        }
    }

    private static TimeSpan? ExpiresIn(ClaimsPrincipal user, TimeProvider clock) =>
        long.TryParse(user.FindFirstValue("exp"), NumberStyles.None, CultureInfo.InvariantCulture, out var exp)
            ? TimeSpan.FromSeconds(Math.Max(1, exp - clock.GetUtcNow().ToUnixTimeSeconds()))
            : null;
}
