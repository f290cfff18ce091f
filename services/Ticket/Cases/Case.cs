using MucGov.Contracts.Conversation;
using MucGov.Contracts.Ticket;
using MucGov.Ticket.Sla;

namespace MucGov.Ticket.Cases;

/// <summary>
/// A citizen's matter in a department's queue: an enquiry handed over from the chat, or an application. Every rule of
/// a case lives here: each change is a method that either refuses (a <see cref="CaseRefusal"/>, nothing changed) or
/// applies the change together with its audit entry and, where the chat or other services must know, its event. The
/// entries, messages and events wait in the case until <c>SaveChanges</c> writes them in the same transaction as the
/// case (<see cref="TakeChanges"/>), so a change is never stored without its trail.
/// </summary>
public sealed class Case
{
    private readonly List<CaseHistoryEntry> pendingHistory = [];
    private readonly List<CaseMessage> pendingMessages = [];
    private readonly List<(object Event, DateTimeOffset At)> pendingEvents = [];
    private readonly List<QueueChanged> pendingQueueChanges = [];

    private Case()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Human-friendly reference, <c>M-2026-000123</c>: per year, unique, never reused.</summary>
    public string Reference { get; private set; } = "";

    /// <summary><c>enquiry</c> (from an escalation) or <c>application</c> (from a procedure).</summary>
    public string Type { get; private set; } = "";

    public Guid ConversationId { get; private set; }

    /// <summary>The escalation it was opened for; unique, so a redelivered escalation never opens a second case.</summary>
    public Guid? EscalationId { get; private set; }

    /// <summary>The procedure submission it was opened for; unique as well.</summary>
    public Guid? SubmissionId { get; private set; }

    /// <summary>The signed-in citizen; null for anonymous chats and after erasure.</summary>
    public Guid? CitizenId { get; private set; }

    public string DepartmentId { get; private set; } = "";

    public string? ServiceId { get; private set; }

    /// <summary>Language of the conversation (ISO 639-1, <c>bar</c> for Bavarian).</summary>
    public string Language { get; private set; } = "";

    /// <summary>Why the bot handed over.</summary>
    public string? Reason { get; private set; }

    public string Status { get; private set; } = CaseStatus.New;

    public string Priority { get; private set; } = Priorities.Normal;

    public DateTimeOffset OpenedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When the department owes the citizen its next answer; null while waiting for the citizen or once resolved.</summary>
    public DateTimeOffset? SlaDueAt { get; private set; }

    /// <summary>The deadline whose breach has been reported; a new deadline can breach (and be reported) again.</summary>
    public DateTimeOffset? SlaBreachReportedFor { get; private set; }

    /// <summary>The department's first public message.</summary>
    public DateTimeOffset? FirstResponseAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    /// <summary>Subject id of the caseworker holding the case.</summary>
    public string? AssigneeId { get; private set; }

    public string? AssigneeName { get; private set; }

    public string? Resolution { get; private set; }

    /// <summary>The chat as the citizen consented to pass it on.</summary>
    public List<TranscriptEntry> Transcript { get; private set; } = [];

    /// <summary>The Bürgerkonto fields the citizen consented to pass on; emptied on erasure.</summary>
    public Dictionary<string, string> CitizenSnapshot { get; private set; } = [];

    /// <summary>The structured form of an application, in form order.</summary>
    public List<FormValue>? Form { get; private set; }

    /// <summary>
    /// What the queue search looks through for the case itself (<see cref="CaseSearch.TextOf"/>), written whenever one of
    /// its parts changes; after an erasure it no longer holds the citizen snapshot.
    /// </summary>
    public string SearchText { get; private set; } = "";

    /// <summary>When the citizen's personal data was removed after an erasure request.</summary>
    public DateTimeOffset? AnonymisedAt { get; private set; }

    /// <summary>Row version (PostgreSQL <c>xmin</c>): concurrent changes of one case collide instead of overwriting each other.</summary>
    public uint Version { get; private set; }

    /// <summary>The resolution of a case closed because the citizen deleted their Bürgerkonto.</summary>
    public const string ClosedForErasure = "Closed: the citizen deleted their Bürgerkonto.";

    /// <summary>Opens a case in the department's queue: status new, the department's response deadline, <see cref="CaseOpened"/>.</summary>
    public static Case Open(NewCase spec, string reference, DepartmentTerms department, DateTimeOffset now)
    {
        var opened = new Case
        {
            Id = Guid.CreateVersion7(now),
            Reference = reference,
            Type = spec.Type,
            ConversationId = spec.ConversationId,
            EscalationId = spec.EscalationId,
            SubmissionId = spec.SubmissionId,
            CitizenId = spec.CitizenId,
            DepartmentId = spec.DepartmentId,
            ServiceId = spec.ServiceId,
            Language = spec.Language,
            Reason = spec.Reason,
            OpenedAt = now,
            SlaDueAt = department.ResponseDue(now),
            Transcript = [.. spec.Transcript],
            CitizenSnapshot = spec.CitizenSnapshot.ToDictionary(),
            Form = spec.Form,
        };
        opened.IndexForSearch();
        opened.Log(Actor.System, "opened", null, now, spec.HistoryDetail);
        opened.Publish(new CaseOpened(opened.Id, opened.Reference, opened.ConversationId, spec.EscalationId, spec.SubmissionId, opened.DepartmentId, opened.SlaDueAt), now);
        return opened;
    }

    /// <summary>A caseworker takes the case; refused while anyone (the caller included) holds it.</summary>
    public CaseRefusal? Claim(Actor me, DateTimeOffset now, string? detail = null)
    {
        if (AssigneeId is not null)
        {
            return Held(AssigneeId == me.Id ? "You already hold this case." : $"{Holder} holds this case.");
        }

        return Move(CaseAction.Claim, me, "claimed", now, detail, () =>
        {
            AssigneeId = me.Id;
            AssigneeName = me.Name;
            Publish(new CaseAssigned(Id, ConversationId, me.Id, me.Id, DepartmentId, Reference, Guid.CreateVersion7(now)), now);
        });
    }

    /// <summary>
    /// A supervisor gives the case to a caseworker of its department (checked by the caller against the staff
    /// directory); refused while someone holds it, so a supervisor releases first.
    /// </summary>
    public CaseRefusal? Assign(Actor supervisor, Actor assignee, DateTimeOffset now)
    {
        if (AssigneeId is not null)
        {
            return Held(AssigneeId == assignee.Id ? $"{Holder} already holds this case." : $"{Holder} holds this case; release it first.");
        }

        return Move(CaseAction.Claim, supervisor, "assigned", now, $"to {assignee.Name ?? assignee.Id}", () =>
        {
            AssigneeId = assignee.Id;
            AssigneeName = assignee.Name;
            Publish(new CaseAssigned(Id, ConversationId, assignee.Id, supervisor.Id, DepartmentId, Reference, Guid.CreateVersion7(now)), now);
        });
    }

    /// <summary>Puts the case back into the queue; only its holder or a supervisor may.</summary>
    public CaseRefusal? Release(Actor me, bool supervisor, DateTimeOffset now)
    {
        if (AssigneeId is not null && AssigneeId != me.Id && !supervisor)
        {
            return Held($"{Holder} holds this case; only they or a supervisor can release it.");
        }

        var previous = Holder;
        return Move(CaseAction.Release, me, "released", now, $"was held by {previous}", () =>
        {
            AssigneeId = null;
            AssigneeName = null;
        });
    }

    /// <summary>An internal note: anyone of the department, in any status; it never leaves the ticket service.</summary>
    public CaseMessage Note(Actor me, string text, DateTimeOffset now)
    {
        var note = StaffMessage(me, text, now, isInternal: true, requestsInfo: false);
        Move(CaseAction.Note, me, "noted", now, null, () => pendingMessages.Add(note));
        return note;
    }

    /// <summary>
    /// A public reply from the holder, which reaches the citizen's chat. While the case is in progress the department
    /// owes its next step by the follow-up deadline; while it waits for the citizen no deadline runs.
    /// </summary>
    public CaseRefusal? Reply(Actor me, string text, DepartmentTerms department, DateTimeOffset now, out CaseMessage? reply)
    {
        reply = null;
        if ((HolderRefusal(me) ?? Refusal(CaseAction.Reply)) is { } refused)
        {
            return refused;
        }

        var message = reply = StaffMessage(me, text, now, isInternal: false, requestsInfo: false);
        return Move(CaseAction.Reply, me, "replied", now, null, () =>
        {
            FirstResponseAt ??= now;
            if (Status == CaseStatus.InProgress)
            {
                SlaDueAt = department.FollowUpDue(now);
            }

            PublishMessage(message, department);
        });
    }

    /// <summary>The holder asks the citizen a question: the case waits for the answer, and no deadline runs meanwhile.</summary>
    public CaseRefusal? RequestInfo(Actor me, string text, DepartmentTerms department, DateTimeOffset now)
    {
        if ((HolderRefusal(me) ?? Refusal(CaseAction.RequestInfo)) is { } refused)
        {
            return refused;
        }

        var question = StaffMessage(me, text, now, isInternal: false, requestsInfo: true);
        return Move(CaseAction.RequestInfo, me, "requested-info", now, null, () =>
        {
            FirstResponseAt ??= now;
            SlaDueAt = null;
            PublishMessage(question, department);
        });
    }

    /// <summary>
    /// Moves the case to another department's queue, unclaimed, with that department's response deadline; only the
    /// holder or a supervisor may move a claimed case.
    /// </summary>
    public CaseRefusal? Transfer(Actor me, bool supervisor, DepartmentTerms target, string reason, DateTimeOffset now)
    {
        if (DepartmentId == target.DepartmentId)
        {
            return new(CaseRefusalKind.AlreadyThere, $"The case is already in the queue of {target.Name ?? target.DepartmentId}.");
        }

        if (AssigneeId is not null && AssigneeId != me.Id && !supervisor)
        {
            return Held($"{Holder} holds this case; only they or a supervisor can transfer it.");
        }

        var from = DepartmentId;
        return Move(CaseAction.Transfer, me, "transferred", now, $"from {from} to {target.DepartmentId}: {reason}", () =>
        {
            DepartmentId = target.DepartmentId;
            AssigneeId = null;
            AssigneeName = null;
            SlaDueAt = target.ResponseDue(now);
            SlaBreachReportedFor = null;
            var transferId = Guid.CreateVersion7(now);
            Publish(new CaseTransferred(Id, ConversationId, from, target.DepartmentId, transferId, Reference, target.Name), now);
            pendingQueueChanges.Add(new QueueChanged(Id, from, QueueChanges.Transferred, Reference, now));
            var where = target.Name ?? target.DepartmentId;
            Post(transferId, PostfachKinds.Transfer, PostfachLetters.Text("transfer.body", Language, ("department", where)), target.Name, now);
        });
    }

    /// <summary>The holder closes the case with a resolution the citizen sees; a resolved case is final.</summary>
    public CaseRefusal? Resolve(Actor me, string resolution, DepartmentTerms department, DateTimeOffset now)
    {
        if ((HolderRefusal(me) ?? Refusal(CaseAction.Resolve)) is { } refused)
        {
            return refused;
        }

        var text = resolution.Trim();
        return Move(CaseAction.Resolve, me, "resolved", now, text, () =>
        {
            Resolution = text;
            ResolvedAt = now;
            SlaDueAt = null;
            Publish(new CaseResolved(Id, ConversationId, text, Reference), now);
            Post(Guid.CreateVersion7(now), PostfachKinds.Resolution, text, department.Name, now);
        });
    }

    /// <summary>
    /// What the citizen wrote in the chat, recorded in every status. An answer to the department's question puts the
    /// case back to in-progress with a fresh response deadline.
    /// </summary>
    public void CitizenWrote(Guid sourceMessageId, string text, DateTimeOffset writtenAt, DepartmentTerms department, DateTimeOffset now)
    {
        pendingMessages.Add(new CaseMessage
        {
            Id = Guid.CreateVersion7(now), CaseId = Id, Author = Authors.Citizen, Text = text, CreatedAt = writtenAt, SourceId = sourceMessageId,
        });
        var answers = CaseStateMachine.Apply(Status, CaseAction.CitizenReplied).To != Status;
        Move(CaseAction.CitizenReplied, Actor.Citizen, answers ? "citizen-answered" : "citizen-wrote", now, null, () =>
        {
            if (answers)
            {
                SlaDueAt = department.ResponseDue(now);
            }
        });
    }

    /// <summary>
    /// Erasure of the citizen's account: nothing in the case points to the person any more (snapshot emptied, link to
    /// the Bürgerkonto removed); an open case is closed without a message, since nobody can be answered.
    /// </summary>
    public void Anonymise(Guid erasureId, DateTimeOffset now)
    {
        var from = Status;
        var closes = CaseStateMachine.Apply(from, CaseAction.CloseForErasure).Allowed;
        if (closes)
        {
            Status = CaseStatus.Resolved;
            Resolution = ClosedForErasure;
            ResolvedAt = now;
            SlaDueAt = null;
        }

        CitizenSnapshot = [];
        CitizenId = null;
        AnonymisedAt = now;
        IndexForSearch();
        Log(Actor.System, "anonymised", from, now, $"erasure {erasureId}");
    }

    /// <summary>The deadline passed: the priority goes up one level and the breach is reported, once per deadline.</summary>
    public void ReportBreach(DateTimeOffset now)
    {
        var raised = Priorities.Raise(Priority);
        Log(Actor.System, "sla-breached", Status, now, $"deadline {SlaDueAt:O}; priority {Priority} → {raised}");
        Priority = raised;
        SlaBreachReportedFor = SlaDueAt;
        Publish(new CaseSlaBreached(Id, DepartmentId, SlaDueAt, Reference), now);
    }

    /// <summary>Hands over (and forgets) the audit entries, messages and events of the changes since the last call.</summary>
    public CaseChanges TakeChanges()
    {
        var changes = new CaseChanges([.. pendingHistory], [.. pendingMessages], [.. pendingEvents], [.. pendingQueueChanges]);
        pendingQueueChanges.Clear();
        pendingHistory.Clear();
        pendingMessages.Clear();
        pendingEvents.Clear();
        return changes;
    }

    private string? Holder => AssigneeName ?? AssigneeId;

    private static CaseRefusal Held(string reason) => new(CaseRefusalKind.HeldByOther, reason);

    /// <summary>Public answers and decisions come from the caseworker holding the case.</summary>
    private CaseRefusal? HolderRefusal(Actor me) => AssigneeId is { } holder && holder != me.Id ? Held($"{Holder} holds this case.") : null;

    private CaseRefusal? Refusal(CaseAction action) =>
        CaseStateMachine.Apply(Status, action) is { Allowed: false, Refusal: var reason } ? new(CaseRefusalKind.NotPossible, reason!) : null;

    /// <summary>Asks the state machine; if it allows the action, applies <paramref name="apply"/>, the new status and the audit entry.</summary>
    private CaseRefusal? Move(CaseAction action, Actor actor, string name, DateTimeOffset now, string? detail, Action apply)
    {
        var transition = CaseStateMachine.Apply(Status, action);
        if (!transition.Allowed)
        {
            return new(CaseRefusalKind.NotPossible, transition.Refusal!);
        }

        var from = Status;
        apply();
        Status = transition.To!;
        Log(actor, name, from, now, detail);
        return null;
    }

    private void Log(Actor actor, string action, string? from, DateTimeOffset at, string? detail)
    {
        pendingHistory.Add(new CaseHistoryEntry
        {
            CaseId = Id, At = at, Actor = actor.Id, ActorName = actor.Name, Action = action, FromStatus = from, ToStatus = Status, Detail = detail,
        });
        UpdatedAt = at;
        if (QueueChanges.Of(action) is { } change)
        {
            pendingQueueChanges.Add(new QueueChanged(Id, DepartmentId, change, Reference, at));
        }
    }

    private void Publish(object @event, DateTimeOffset at) => pendingEvents.Add((@event, at));

    /// <summary>Call after every change of the reference, the citizen snapshot, the transcript or the form.</summary>
    private void IndexForSearch() => SearchText = CaseSearch.TextOf(Reference, CitizenSnapshot, Transcript, Form);

    /// <summary>The department's message into the citizen's Postfach (<see cref="PostfachMessageSubmitted"/>); none for an anonymous chat.</summary>
    private void Post(Guid id, string kind, string body, string? departmentName, DateTimeOffset at)
    {
        if (PostfachLetters.About(this, id, kind, body, departmentName, at) is { } letter)
        {
            Publish(letter, at);
        }
    }

    private void PublishMessage(CaseMessage message, DepartmentTerms department)
    {
        pendingMessages.Add(message);
        Publish(new CaseMessagePosted(
            message.Id, Id, ConversationId, message.Text, Reference, message.CreatedAt, message.RequestsInfo, DepartmentId, department.Name), message.CreatedAt);
        Post(message.Id, message.RequestsInfo ? PostfachKinds.RequestInfo : PostfachKinds.Reply, message.Text, department.Name, message.CreatedAt);
    }

    private CaseMessage StaffMessage(Actor me, string text, DateTimeOffset now, bool isInternal, bool requestsInfo) => new()
    {
        Id = Guid.CreateVersion7(now), CaseId = Id, Author = Authors.Caseworker, AuthorId = me.Id, AuthorName = me.Name, Text = text.Trim(),
        Internal = isInternal, RequestsInfo = requestsInfo, CreatedAt = now,
    };
}

/// <summary>
/// What changes of a case left to store with it: audit entries, messages, events with the time they happened (for other
/// services), and the notices for the departments' live queues (<see cref="QueueChanged"/>, one per audit entry, two for a transfer).
/// </summary>
public sealed record CaseChanges(
    IReadOnlyList<CaseHistoryEntry> History, IReadOnlyList<CaseMessage> Messages, IReadOnlyList<(object Event, DateTimeOffset At)> Events,
    IReadOnlyList<QueueChanged> QueueChanges);
