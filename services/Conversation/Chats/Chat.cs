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

    public string? CaseReference { get; init; }
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
