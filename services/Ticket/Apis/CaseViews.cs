using MucGov.Contracts.Conversation;
using MucGov.Ticket.Cases;

namespace MucGov.Ticket.Apis;

/// <summary>A case in a queue listing.</summary>
public sealed record QueueItem(
    Guid Id, string Reference, string Type, string Status, string DepartmentId, string? ServiceId, string Language, string Priority,
    DateTimeOffset OpenedAt, DateTimeOffset? SlaDueAt, bool Breaching, string? Assignee, string? AssigneeId, string? DepartmentName = null,
    int UnreadCitizenMessages = 0, string? CitizenName = null)
{
    public static QueueItem Of(Case c, DateTimeOffset now, string? departmentName = null, int unread = 0) => new(
        c.Id, c.Reference, c.Type, c.Status, c.DepartmentId, c.ServiceId, c.Language, c.Priority, c.OpenedAt, c.SlaDueAt,
        c.SlaDueAt < now, c.AssigneeName, c.AssigneeId, departmentName, unread, CitizenNameOf(c.CitizenSnapshot));

    /// <summary>"Anna Huber" from the consented snapshot; null when the citizen passed no name on.</summary>
    public static string? CitizenNameOf(IReadOnlyDictionary<string, string> snapshot) =>
        string.Join(' ', new[] { snapshot.GetValueOrDefault("givenName"), snapshot.GetValueOrDefault("familyName") }.Where(n => !string.IsNullOrWhiteSpace(n)))
            is { Length: > 0 } name ? name : null;
}

public sealed record QueuePage(IReadOnlyList<QueueItem> Items, int Page, int PageSize, int Total);

/// <summary>A message on a case as a caseworker sees it.</summary>
public sealed record CaseMessageView(Guid Id, string Author, string? AuthorName, string Text, bool Internal, bool RequestsInfo, DateTimeOffset CreatedAt)
{
    public static CaseMessageView Of(CaseMessage m) => new(m.Id, m.Author, m.AuthorName, m.Text, m.Internal, m.RequestsInfo, m.CreatedAt);
}

/// <summary>One audit entry.</summary>
public sealed record HistoryView(DateTimeOffset At, string Actor, string? ActorName, string Action, string? FromStatus, string? ToStatus, string? Detail)
{
    public static HistoryView Of(CaseHistoryEntry h) => new(h.At, h.Actor, h.ActorName, h.Action, h.FromStatus, h.ToStatus, h.Detail);
}

/// <summary>A case with everything a caseworker needs to work it.</summary>
public sealed record CaseDetail(
    Guid Id, string Reference, string Type, string Status, string DepartmentId, string? ServiceId, string Language, string? Reason, string Priority,
    DateTimeOffset OpenedAt, DateTimeOffset UpdatedAt, DateTimeOffset? SlaDueAt, bool Breaching, string? Assignee, string? AssigneeId,
    string? Resolution, Guid ConversationId, IReadOnlyDictionary<string, string> Citizen, bool Anonymised, IReadOnlyList<FormValue>? Form,
    IReadOnlyList<TranscriptEntry> Transcript, IReadOnlyList<CaseMessageView> Messages, IReadOnlyList<HistoryView> History, string Version,
    string? DepartmentName = null, string? CitizenName = null);
