namespace MucGov.Shared.Messaging.Outbox;

/// <summary>A message waiting in the service's database to be published; written in the same transaction as the state change that caused it.</summary>
public sealed class OutboxMessage
{
    /// <summary>Also the published message id, so consumers' inboxes recognise redeliveries.</summary>
    public Guid Id { get; init; }

    /// <summary>Type name the body deserialises to (<c>Namespace.Type, Assembly</c>).</summary>
    public required string MessageType { get; init; }

    /// <summary>The message as JSON.</summary>
    public required string Body { get; init; }

    /// <summary>W3C trace parent of the operation that wrote it, so the trace continues in the consumer.</summary>
    public string? TraceParent { get; init; }

    /// <summary>Correlation id of the request that wrote it.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>When it was written.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the broker confirmed it; null while pending.</summary>
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Failed publish attempts so far.</summary>
    public int Attempts { get; set; }

    /// <summary>Not published before this instant (back-off after failures).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>The last failure, for operators.</summary>
    public string? LastError { get; set; }
}
