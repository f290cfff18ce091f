namespace MucGov.Contracts.Ticket;

/// <summary>Event: a case was opened for an escalation or a procedure submission.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Reference">Human-friendly reference, e.g. <c>M-2026-000123</c>.</param>
/// <param name="ConversationId">The chat the case belongs to.</param>
/// <param name="EscalationId">Set when opened for an escalation.</param>
/// <param name="SubmissionId">Set when opened for a procedure submission.</param>
/// <param name="DepartmentId">The department whose queue holds it.</param>
/// <param name="SlaDueAt">Deadline for the first response.</param>
public sealed record CaseOpened(Guid CaseId, string Reference, Guid ConversationId, Guid? EscalationId, Guid? SubmissionId, string DepartmentId, DateTimeOffset? SlaDueAt = null);

/// <summary>Event: a caseworker claimed a case, or a supervisor assigned it to one.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="ConversationId">The chat the case belongs to.</param>
/// <param name="Assignee">Subject id of the caseworker.</param>
/// <param name="AssignedBy">Subject id of who assigned it (the assignee for their own claim).</param>
/// <param name="DepartmentId">The department whose queue holds it.</param>
/// <param name="Reference">The case reference.</param>
/// <param name="AssignmentId">Idempotency key of this assignment.</param>
public sealed record CaseAssigned(
    Guid CaseId, Guid ConversationId, string? Assignee = null, string? AssignedBy = null, string? DepartmentId = null, string? Reference = null, Guid? AssignmentId = null);

/// <summary>Event: a caseworker posted a public reply (internal notes are never published).</summary>
/// <param name="CaseMessageId">The case message id (idempotency key in the chat).</param>
/// <param name="CaseId">The case.</param>
/// <param name="ConversationId">The chat it is shown in.</param>
/// <param name="Text">The reply.</param>
/// <param name="Reference">The case reference.</param>
/// <param name="PostedAt">When it was posted.</param>
/// <param name="RequestsInfo">The reply asks the citizen for information.</param>
/// <param name="DepartmentId">The department that answers (the chat signs the reply with it, not with the caseworker's name).</param>
/// <param name="DepartmentName">The department's display name, when known.</param>
public sealed record CaseMessagePosted(Guid CaseMessageId, Guid CaseId, Guid ConversationId, string Text, string? Reference = null, DateTimeOffset? PostedAt = null,
    bool RequestsInfo = false, string? DepartmentId = null, string? DepartmentName = null);

/// <summary>Event: a case moved to another department.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="ConversationId">The chat.</param>
/// <param name="FromDepartmentId">Department it left.</param>
/// <param name="ToDepartmentId">Department it went to.</param>
/// <param name="TransferId">Idempotency key of this transfer.</param>
/// <param name="Reference">The case reference.</param>
/// <param name="ToDepartmentName">Display name of the department it went to, when known.</param>
public sealed record CaseTransferred(Guid CaseId, Guid ConversationId, string FromDepartmentId, string ToDepartmentId, Guid? TransferId = null, string? Reference = null,
    string? ToDepartmentName = null);

/// <summary>Event: a case was resolved.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="ConversationId">The chat.</param>
/// <param name="Resolution">The resolution text shown to the citizen.</param>
/// <param name="Reference">The case reference.</param>
public sealed record CaseResolved(Guid CaseId, Guid ConversationId, string? Resolution = null, string? Reference = null);

/// <summary>Event: a case passed its SLA deadline; published once per breach.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="DepartmentId">Department responsible when it breached.</param>
/// <param name="SlaDueAt">The deadline that passed.</param>
/// <param name="Reference">The case reference.</param>
public sealed record CaseSlaBreached(Guid CaseId, string DepartmentId, DateTimeOffset? SlaDueAt = null, string? Reference = null);

/// <summary>Event: a document (certificate) was issued for a procedure submission.</summary>
/// <param name="DocumentId">The document.</param>
/// <param name="SubmissionId">The submission it answers.</param>
/// <param name="ConversationId">The chat it is shown in.</param>
/// <param name="Title">Display title.</param>
/// <param name="VerificationCode">Code for the public genuineness check.</param>
public sealed record DocumentIssued(Guid DocumentId, Guid SubmissionId, Guid ConversationId, string? Title = null, string? VerificationCode = null);

/// <summary>
/// Event: a department put a message into a citizen's Postfach (the Bürgerkonto's mailbox): a public reply, a request
/// for information, a resolution, an issued document or a transfer. Only for cases of a signed-in citizen. Identity
/// keeps the citizen's copy (once per <paramref name="PostfachMessageId"/>) and notifies by e-mail.
/// </summary>
/// <param name="PostfachMessageId">Idempotency key: the case message, transfer or document it stands for.</param>
/// <param name="CitizenId">Subject id of the citizen.</param>
/// <param name="DepartmentId">The sending department.</param>
/// <param name="CaseId">The case; null for a document issued without a case.</param>
/// <param name="Reference">The case reference (for a document without a case: its verification code).</param>
/// <param name="Kind">One of <see cref="PostfachKinds"/>.</param>
/// <param name="Subject">Subject line in the citizen's language.</param>
/// <param name="Body">The department's text.</param>
/// <param name="DocumentId">An issued document the citizen can download.</param>
/// <param name="Language">Language of the case (ISO 639-1, <c>bar</c> for Bavarian).</param>
/// <param name="DepartmentName">The sending department's display name, when known.</param>
/// <param name="SubmittedAt">When the department sent it.</param>
public sealed record PostfachMessageSubmitted(
    Guid PostfachMessageId, Guid CitizenId, string DepartmentId, Guid? CaseId, string Reference, string Kind, string Subject, string Body,
    Guid? DocumentId, string Language, string? DepartmentName = null, DateTimeOffset? SubmittedAt = null);

/// <summary>What a Postfach message is about.</summary>
public static class PostfachKinds
{
    /// <summary>A caseworker's public reply.</summary>
    public const string Reply = "reply";

    /// <summary>A question the department needs answered.</summary>
    public const string RequestInfo = "request-info";

    /// <summary>The case is resolved, with the resolution.</summary>
    public const string Resolution = "resolution";

    /// <summary>A document was issued (with its download).</summary>
    public const string Document = "document";

    /// <summary>The case moved to another department.</summary>
    public const string Transfer = "transfer";

    /// <summary>Every kind.</summary>
    public static readonly IReadOnlyList<string> All = [Reply, RequestInfo, Resolution, Document, Transfer];
}

/// <summary>
/// Fan-out notice: a department's queue changed; every ticket replica tells its open console streams (<c>GET /api/queue/events</c>)
/// of that department. A transfer sends one for the department the case left and one for the one it joined.
/// </summary>
/// <param name="CaseId">The case.</param>
/// <param name="DepartmentId">The department whose queue changed.</param>
/// <param name="Change">What happened: <see cref="QueueChanges"/>.</param>
/// <param name="Reference">The case reference.</param>
/// <param name="At">When it happened.</param>
public sealed record QueueChanged(Guid CaseId, string DepartmentId, string Change, string? Reference = null, DateTimeOffset? At = null);

/// <summary>The kinds of <see cref="QueueChanged"/>.</summary>
public static class QueueChanges
{
    /// <summary>A case joined the queue (opened).</summary>
    public const string New = "new";

    /// <summary>A caseworker claimed it, or a supervisor assigned it.</summary>
    public const string Claimed = "claimed";

    /// <summary>Its holder gave it back.</summary>
    public const string Released = "released";

    /// <summary>It moved to another department (sent to both).</summary>
    public const string Transferred = "transferred";

    /// <summary>It passed its deadline.</summary>
    public const string Breached = "breached";

    /// <summary>The citizen wrote in the chat.</summary>
    public const string CitizenWrote = "citizen-wrote";

    /// <summary>The department answered, asked or noted something.</summary>
    public const string Answered = "answered";

    /// <summary>It was resolved (also when the citizen's account was erased).</summary>
    public const string Resolved = "resolved";

    /// <summary>The change of a case's audit action.</summary>
    public static string? Of(string action) => action switch
    {
        "opened" => New,
        "claimed" or "assigned" => Claimed,
        "released" => Released,
        "transferred" => Transferred,
        "sla-breached" => Breached,
        "citizen-wrote" or "citizen-answered" => CitizenWrote,
        "replied" or "requested-info" or "noted" => Answered,
        "resolved" or "anonymised" => Resolved,
        _ => null,
    };
}
