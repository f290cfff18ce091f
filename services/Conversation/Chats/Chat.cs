namespace MucGov.Conversation.Chats;

/// <summary>A chat between a citizen (signed in or anonymous) and Mingabot, later also the department.</summary>
public sealed class Chat
{
    public Guid Id { get; init; }

    /// <summary>The signed-in citizen who owns the chat; null while anonymous.</summary>
    public Guid? CitizenId { get; set; }

    /// <summary>SHA-256 of an anonymous chat's access key (the key itself is never stored).</summary>
    public string? AccessKeyHash { get; set; }

    /// <summary>Language of the last citizen message.</summary>
    public string Language { get; set; } = "de";

    /// <summary>Seq of the newest message; messages are numbered 1, 2, 3 … without gaps.</summary>
    public long LastSeq { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>What the bot remembers between turns: topic, aspect, checklist walk, pending offer, jokes told (one value, stored as jsonb).</summary>
    public Bot.DialogueState State { get; set; } = Bot.DialogueState.Empty;

    /// <summary>Set once the chat was handed to a department; from then on the bot stays quiet.</summary>
    public Guid? EscalationId { get; set; }

    public string? CaseReference { get; set; }

    /// <summary>A procedure being filled in this chat (kept while the citizen is away; deleted after 30 days).</summary>
    public Bot.ProcedureDraft? Procedure { get; set; }

    /// <summary>Start of the minute the citizen's messages are counted in (<see cref="ChatRate"/>); written by SQL only.</summary>
    public DateTimeOffset? RateWindowStart { get; private set; }

    /// <summary>The citizen's messages in that minute; written by SQL only.</summary>
    public int RateCount { get; private set; }
}

/// <summary>A citizen's answer to "may I pass this on?": what, to whom, when.</summary>
public sealed class ConsentRecord
{
    public Guid Id { get; init; }
    public Guid ConversationId { get; init; }
    public Guid? CitizenId { get; init; }
    public required string DepartmentId { get; init; }
    public required string Purpose { get; init; }
    public List<string> Fields { get; init; } = [];
    public bool Granted { get; init; }
    public DateTimeOffset AnsweredAt { get; init; }
}

/// <summary>One message of a chat.</summary>
public sealed class ChatMessage
{
    public Guid Id { get; init; }
    public Guid ConversationId { get; init; }
    public long Seq { get; init; }

    /// <summary><c>citizen</c>, <c>bot</c>, <c>caseworker</c> or <c>system</c>.</summary>
    public required string Author { get; init; }

    /// <summary>Stored exactly as written; escaped where shown.</summary>
    public required string Text { get; init; }

    public string Language { get; init; } = "de";
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The client's id for a citizen message, so a retried post stores nothing twice.</summary>
    public string? ClientMessageId { get; init; }

    /// <summary>For bot messages: the citizen message they answer.</summary>
    public Guid? InReplyTo { get; init; }

    /// <summary>Quick replies offered with a bot message.</summary>
    public List<ChatAction> Actions { get; init; } = [];

    /// <summary>The structured parts of a bot message (lists, facts, links …); its text alone is complete too.</summary>
    public List<MessageBlock> Blocks { get; init; } = [];

    /// <summary>For bot messages: what the bot understood and did.</summary>
    public Understood? Understood { get; init; }

    public string? CaseReference { get; init; }

    /// <summary>For messages made from another service's event: the event type and its id (unique, so a redelivery never shows twice).</summary>
    public string? SourceType { get; init; }

    public Guid? SourceId { get; init; }
}

/// <summary>A quick reply the bot offers.</summary>
public sealed record ChatAction(string Id, string Label);

public static class Authors
{
    public const string Citizen = "citizen";
    public const string Bot = "bot";
    public const string Caseworker = "caseworker";
    public const string System = "system";
}
