using System.ComponentModel.DataAnnotations;

namespace MucGov.Ticket.Sla;

/// <summary>Settings of the <c>Sla</c> section. Times are business time in the department's hours.</summary>
public sealed class SlaOptions
{
    public const string Section = "Sla";

    /// <summary>How soon the department answers a new case, a case transferred to it, or a citizen's answer to its question.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan ResponseTime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>After a public reply that does not close the case: how soon the department resolves it or writes again.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan FollowUpTime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the monitor looks for deadlines that passed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan MonitorInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait for the knowledge service's department list.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan DirectoryTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Refresh of the business-hours cache without an event (events refresh it at once).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan DirectoryRefreshInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Retry while the knowledge service does not answer.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan DirectoryRetryInterval { get; set; } = TimeSpan.FromSeconds(5);
}
