namespace MucGov.Ticket.Cases;

/// <summary>A message on a case: the citizen's, a caseworker's public reply or internal note, or a system notice.</summary>
public sealed class CaseMessage
{
    public Guid Id { get; init; }

    public Guid CaseId { get; init; }

    /// <summary><c>citizen</c>, <c>caseworker</c> or <c>system</c>.</summary>
    public required string Author { get; init; }

    public string? AuthorId { get; init; }

    public string? AuthorName { get; init; }

    public required string Text { get; set; }

    /// <summary>An internal note: never shown to the citizen, never published.</summary>
    public bool Internal { get; init; }

    /// <summary>A public question that puts the case on "waiting for the citizen".</summary>
    public bool RequestsInfo { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The chat message it came from (citizen messages); unique, so a redelivery is stored once.</summary>
    public Guid? SourceId { get; init; }
}

/// <summary>Who wrote a case message.</summary>
public static class Authors
{
    public const string Citizen = "citizen";
    public const string Caseworker = "caseworker";
    public const string System = "system";
}
