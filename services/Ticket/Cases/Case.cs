using MucGov.Contracts.Conversation;

namespace MucGov.Ticket.Cases;

/// <summary>A citizen's matter in a department's queue: an enquiry handed over from the chat, or an application.</summary>
public sealed class Case
{
    public Guid Id { get; init; }

    /// <summary>Human-friendly reference, <c>M-2026-000123</c>: per year, unique, never reused.</summary>
    public required string Reference { get; init; }

    /// <summary><c>enquiry</c> (from an escalation) or <c>application</c> (from a procedure).</summary>
    public required string Type { get; init; }

    public Guid ConversationId { get; init; }

    /// <summary>The escalation it was opened for; unique, so a redelivered escalation never opens a second case.</summary>
    public Guid? EscalationId { get; init; }

    /// <summary>The procedure submission it was opened for; unique as well.</summary>
    public Guid? SubmissionId { get; init; }

    /// <summary>The signed-in citizen; null for anonymous chats and after erasure.</summary>
    public Guid? CitizenId { get; set; }

    public required string DepartmentId { get; set; }

    public string? ServiceId { get; init; }

    /// <summary>Language of the conversation (ISO 639-1, <c>bar</c> for Bavarian).</summary>
    public required string Language { get; init; }

    /// <summary>Why the bot handed over.</summary>
    public string? Reason { get; init; }

    public required string Status { get; set; }

    public required string Priority { get; set; }

    public DateTimeOffset OpenedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the department owes the citizen its next answer; null while waiting for the citizen or once resolved.</summary>
    public DateTimeOffset? SlaDueAt { get; set; }

    /// <summary>The deadline whose breach has been reported; a new deadline can breach (and be reported) again.</summary>
    public DateTimeOffset? SlaBreachReportedFor { get; set; }

    /// <summary>The department's first public message.</summary>
    public DateTimeOffset? FirstResponseAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>Subject id of the caseworker holding the case.</summary>
    public string? AssigneeId { get; set; }

    public string? AssigneeName { get; set; }

    public string? Resolution { get; set; }

    /// <summary>The chat as the citizen consented to pass it on.</summary>
    public List<TranscriptEntry> Transcript { get; set; } = [];

    /// <summary>The Bürgerkonto fields the citizen consented to pass on; emptied on erasure.</summary>
    public Dictionary<string, string> CitizenSnapshot { get; set; } = [];

    /// <summary>The structured form of an application, in form order.</summary>
    public List<FormValue>? Form { get; set; }

    /// <summary>When the citizen's personal data was removed after an erasure request.</summary>
    public DateTimeOffset? AnonymisedAt { get; set; }

    /// <summary>Row version (PostgreSQL <c>xmin</c>): concurrent changes of one case collide instead of overwriting each other.</summary>
    public uint Version { get; set; }
}

/// <summary>One answered field of an application.</summary>
/// <param name="Name">Field name of the procedure.</param>
/// <param name="Label">Field label (German, as in the catalog).</param>
/// <param name="Value">The confirmed value.</param>
/// <param name="Source">
/// Where the value comes from: <see cref="FormSources.Buergerkonto"/> (the citizen's account record) or
/// <see cref="FormSources.Typed"/> (typed by the citizen in the chat, not checked); null on forms stored before sources were recorded.
/// </param>
public sealed record FormValue(string Name, string Label, string Value, string? Source = null);

/// <summary>Where a form value comes from, shown to the caseworker beside it.</summary>
public static class FormSources
{
    /// <summary>From the Bürgerkonto record.</summary>
    public const string Buergerkonto = "buergerkonto";

    /// <summary>Typed by the citizen.</summary>
    public const string Typed = "typed";
}

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

/// <summary>One entry of a case's audit trail: append-only (the database refuses updates and deletes).</summary>
public sealed class CaseHistoryEntry
{
    public long Id { get; init; }

    public Guid CaseId { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary>Subject id of the staff member, or <c>citizen</c> / <c>system</c>.</summary>
    public required string Actor { get; init; }

    public string? ActorName { get; init; }

    /// <summary>What happened: <c>opened</c>, <c>claimed</c>, <c>released</c>, <c>replied</c>, <c>noted</c>, …</summary>
    public required string Action { get; init; }

    public string? FromStatus { get; init; }

    public string? ToStatus { get; init; }

    /// <summary>Details that matter later (the target department and reason of a transfer, the old deadline, …).</summary>
    public string? Detail { get; init; }
}

/// <summary>The last reference number handed out in a year.</summary>
public sealed class ReferenceCounter
{
    public int Year { get; init; }

    public long Last { get; set; }
}

public static class CaseTypes
{
    public const string Enquiry = "enquiry";
    public const string Application = "application";
}

public static class Priorities
{
    public const string Normal = "normal";
    public const string High = "high";
    public const string Urgent = "urgent";

    /// <summary>The next level up; urgent stays urgent.</summary>
    public static string Raise(string priority) => priority switch
    {
        Normal => High,
        _ => Urgent,
    };

    /// <summary>Sort key, most urgent first.</summary>
    public static int Rank(string priority) => priority switch
    {
        Urgent => 0,
        High => 1,
        _ => 2,
    };
}

public static class Authors
{
    public const string Citizen = "citizen";
    public const string Caseworker = "caseworker";
    public const string System = "system";
}
