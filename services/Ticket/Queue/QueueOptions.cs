using System.ComponentModel.DataAnnotations;

namespace MucGov.Ticket.Queue;

/// <summary>The console's live queue (<c>GET /api/queue/events</c>).</summary>
public sealed class QueueOptions
{
    public const string Section = "Queue";

    /// <summary>A comment line this often keeps proxies from closing a quiet stream (YARP's activity timeout is 100 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:30")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Open streams one caseworker may hold on one replica (a console per screen, not one per click).</summary>
    [Range(1, 1000)]
    public int StreamsPerCaseworker { get; set; } = 5;
}
