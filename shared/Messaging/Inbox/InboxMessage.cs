namespace MucGov.Shared.Messaging.Inbox;

/// <summary>A message a consumer has processed; the primary key (message id, consumer) makes a redelivery a no-op.</summary>
public sealed class InboxMessage
{
    /// <summary>The message id (the producer's outbox row id).</summary>
    public Guid MessageId { get; init; }

    /// <summary>The consumer that processed it (several consumers may process one message).</summary>
    public required string Consumer { get; init; }

    /// <summary>When it was processed.</summary>
    public DateTimeOffset ProcessedAt { get; init; }
}
