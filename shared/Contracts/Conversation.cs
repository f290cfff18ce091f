namespace MucGov.Contracts.Conversation;

/// <summary>Event: the citizen consented to hand the conversation to a department; the ticket service opens exactly one case per <see cref="EscalationId"/>.</summary>
/// <param name="EscalationId">Idempotency key of the escalation.</param>
/// <param name="ConversationId">The chat the case belongs to.</param>
/// <param name="CitizenId">The signed-in citizen, absent for anonymous chats.</param>
/// <param name="ServiceId">The catalog service it is about, when known.</param>
/// <param name="DepartmentId">Responsible department (<c>buergerservice</c> for triage).</param>
/// <param name="Language">Language of the conversation (ISO 639-1, <c>bar</c> for Bavarian).</param>
/// <param name="Reason">Why the bot escalated (<c>low-confidence</c>, <c>asked-for-person</c>, <c>individual-handling</c>, <c>language</c>).</param>
/// <param name="Transcript">The chat so far, as consented.</param>
/// <param name="CitizenSnapshot">The Bürgerkonto fields the citizen consented to pass on.</param>
/// <param name="ConsentId">The consent record.</param>
/// <param name="OccurredAt">When the citizen consented.</param>
public sealed record ConversationEscalated(
    Guid EscalationId,
    Guid ConversationId,
    Guid? CitizenId,
    string? ServiceId,
    string DepartmentId,
    string Language,
    string? Reason = null,
    IReadOnlyList<TranscriptEntry>? Transcript = null,
    IReadOnlyDictionary<string, string>? CitizenSnapshot = null,
    Guid? ConsentId = null,
    DateTimeOffset? OccurredAt = null);

/// <summary>One chat message in a transcript.</summary>
/// <param name="Seq">Position in the conversation.</param>
/// <param name="Author"><c>citizen</c>, <c>bot</c>, <c>caseworker</c> or <c>system</c>.</param>
/// <param name="Text">The text as written.</param>
/// <param name="CreatedAt">When it was written.</param>
public sealed record TranscriptEntry(long Seq, string Author, string Text, DateTimeOffset CreatedAt);

/// <summary>Event: the citizen wrote in a chat that has an open case; the ticket service appends it to the case.</summary>
/// <param name="ConversationId">The chat.</param>
/// <param name="MessageId">The chat message id (idempotency key).</param>
/// <param name="EscalationId">The escalation whose case receives it.</param>
/// <param name="Text">The citizen's text.</param>
/// <param name="CreatedAt">When it was written.</param>
public sealed record CitizenMessagePosted(Guid ConversationId, Guid MessageId, Guid EscalationId, string Text, DateTimeOffset CreatedAt);

/// <summary>Event: the citizen confirmed a guided form in the chat; the ticket service issues the document or opens an application case.</summary>
/// <param name="SubmissionId">Idempotency key of the submission.</param>
/// <param name="ConversationId">The chat it was submitted in.</param>
/// <param name="CitizenId">The signed-in citizen.</param>
/// <param name="ServiceId">The catalog service.</param>
/// <param name="ProcedureId">Which procedure (form) was filled.</param>
/// <param name="Fields">The confirmed form fields.</param>
/// <param name="Language">Language of the conversation.</param>
/// <param name="SubmittedAt">When it was confirmed.</param>
/// <param name="DepartmentId">The department responsible for the service.</param>
/// <param name="Result"><c>document</c> (issue it at once) or <c>case</c> (an application for the department).</param>
/// <param name="ServiceTitle">The service's title, for the document or the case.</param>
/// <param name="FieldLabels">Field name → label in the catalog's German, in form order, for the caseworker's form.</param>
/// <param name="ConsentId">The consent record under which Bürgerkonto fields were used.</param>
/// <param name="TrustLevel">The trust level the procedure requires (<c>basic</c>, <c>substantial</c>, <c>high</c>).</param>
/// <param name="PrefillFrom">
/// Field name → Bürgerkonto field, for every form field the catalog fills from the Bürgerkonto. A document certifies
/// these from the authoritative record, which the ticket service fetches from identity itself; the typed values in
/// <see cref="Fields"/> never reach a document.
/// </param>
/// <param name="Prefilled">The fields whose value was taken from the Bürgerkonto unchanged; every other value was typed in the chat.</param>
public sealed record ProcedureSubmitted(
    Guid SubmissionId,
    Guid ConversationId,
    Guid CitizenId,
    string ServiceId,
    string? ProcedureId = null,
    IReadOnlyDictionary<string, string>? Fields = null,
    string? Language = null,
    DateTimeOffset? SubmittedAt = null,
    string? DepartmentId = null,
    string? Result = null,
    string? ServiceTitle = null,
    IReadOnlyList<KeyValuePair<string, string>>? FieldLabels = null,
    Guid? ConsentId = null,
    string? TrustLevel = null,
    IReadOnlyList<KeyValuePair<string, string>>? PrefillFrom = null,
    IReadOnlyList<string>? Prefilled = null);

/// <summary>Fan-out notice: a message was appended to a conversation; every conversation replica that streams it reads it from the database.</summary>
/// <param name="ConversationId">The chat.</param>
/// <param name="Seq">The new message's gap-free sequence number.</param>
public sealed record ConversationMessageAppended(Guid ConversationId, long Seq);
