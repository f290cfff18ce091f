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

/// <summary>Event: a caseworker claimed a case.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="ConversationId">The chat the case belongs to.</param>
/// <param name="Assignee">Subject id of the caseworker.</param>
public sealed record CaseAssigned(Guid CaseId, Guid ConversationId, string? Assignee = null);

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
public sealed record CaseSlaBreached(Guid CaseId, string DepartmentId, DateTimeOffset? SlaDueAt = null);

/// <summary>Event: a document (certificate) was issued for a procedure submission.</summary>
/// <param name="DocumentId">The document.</param>
/// <param name="SubmissionId">The submission it answers.</param>
/// <param name="ConversationId">The chat it is shown in.</param>
/// <param name="Title">Display title.</param>
/// <param name="VerificationCode">Code for the public genuineness check.</param>
public sealed record DocumentIssued(Guid DocumentId, Guid SubmissionId, Guid ConversationId, string? Title = null, string? VerificationCode = null);
