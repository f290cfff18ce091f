using System.ComponentModel.DataAnnotations;

namespace MucGov.Shared.Messaging;

/// <summary>Settings of the <c>RabbitMq</c> section. Each service has its own user, limited to its own queues.</summary>
public sealed class RabbitMqOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "RabbitMq";

    /// <summary>Broker host name.</summary>
    [Required]
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>AMQP port.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 5672;

    /// <summary>Virtual host.</summary>
    [Required]
    public string VirtualHost { get; set; } = "/";

    /// <summary>User name (one per service).</summary>
    [Required]
    public string Username { get; set; } = "";

    /// <summary>Password; from a secret, never from the repository outside Development.</summary>
    [Required]
    public string Password { get; set; } = "";

    /// <summary>Declare the service's own receive queues as quorum queues (needs a cluster of three for real safety). Reply and fan-out queues stay classic.</summary>
    public bool UseQuorumQueues { get; set; }

    /// <summary>Messages fetched ahead per receive endpoint.</summary>
    [Range(1, 1000)]
    public int PrefetchCount { get; set; } = 16;

    /// <summary>
    /// In-memory redelivery intervals before a message goes to its <c>_error</c> queue; <see cref="DefaultRetryIntervals"/>
    /// when none are configured. (Empty by default: configuration binding appends to an initialised array.)
    /// </summary>
    public TimeSpan[] RetryIntervals { get; set; } = [];

    /// <summary>Retry intervals used when none are configured: 0.2 s, 1 s, 5 s, 15 s.</summary>
    public static readonly TimeSpan[] DefaultRetryIntervals = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15)];

    /// <summary>The configured intervals, or the defaults.</summary>
    public TimeSpan[] EffectiveRetryIntervals => RetryIntervals.Length > 0 ? RetryIntervals : DefaultRetryIntervals;
}
