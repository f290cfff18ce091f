namespace MucGov.Identity.Postfach;

/// <summary>
/// A department's message in a citizen's Postfach: the citizen's copy (the case stays the city's record). The citizen
/// reads and deletes it; the first reading is kept as it happened.
/// </summary>
public sealed class PostfachMessage
{
    /// <summary>The message id the ticket service gave it (idempotency key).</summary>
    public Guid Id { get; set; }

    public Guid AccountId { get; set; }

    public required string DepartmentId { get; set; }

    public string? DepartmentName { get; set; }

    public Guid? CaseId { get; set; }

    public required string Reference { get; set; }

    /// <summary>One of <see cref="Contracts.Ticket.PostfachKinds"/>.</summary>
    public required string Kind { get; set; }

    public required string Subject { get; set; }

    public required string Body { get; set; }

    public Guid? DocumentId { get; set; }

    public required string Language { get; set; }

    /// <summary>When the department sent it.</summary>
    public DateTimeOffset SentAt { get; set; }

    /// <summary>When it arrived in the Postfach.</summary>
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>When the citizen first read it; never changes once set.</summary>
    public DateTimeOffset? FirstReadAt { get; set; }

    /// <summary>Marks it read now, unless it was read before (the first reading stays), to the microsecond the database keeps.</summary>
    public void MarkRead(DateTimeOffset now) => FirstReadAt ??= new DateTimeOffset(now.Ticks - (now.Ticks % 10), now.Offset);
}
