namespace MucGov.Ticket.Cases;

/// <summary>What can happen to a case.</summary>
public enum CaseAction
{
    Claim,
    Release,
    Reply,
    Note,
    RequestInfo,
    CitizenReplied,
    Transfer,
    Resolve,
    CloseForErasure,
}

/// <summary>The answer of the state machine: the status after the action, or why the action is not allowed now.</summary>
public readonly record struct Transition(string? To, string? Refusal)
{
    public bool Allowed => To is not null;
}

/// <summary>
/// The case state machine, the only place that decides which status an action leads to:
/// <code>
///   new ──claim──▶ in-progress ──request-info──▶ waiting-for-citizen
///    ▲  ◀─release──     │   ▲                          │
///    │                  │   └──── citizen replies ─────┘
///    └── transfer ◀─────┴── (from any open status) ────┘
///                       in-progress / waiting-for-citizen ──resolve──▶ resolved (final)
/// </code>
/// Public replies keep the status (in-progress or waiting-for-citizen); internal notes are allowed in every status;
/// a citizen's message outside waiting-for-citizen is recorded without a status change.
/// </summary>
public static class CaseStateMachine
{
    public static Transition Apply(string status, CaseAction action) => (status, action) switch
    {
        (_, CaseAction.Note) => Ok(status),
        (CaseStatus.Resolved, CaseAction.CitizenReplied) => Ok(status),
        (CaseStatus.Resolved, _) => No("The case is resolved; a resolved case cannot be changed."),

        (CaseStatus.New, CaseAction.Claim) => Ok(CaseStatus.InProgress),
        (_, CaseAction.Claim) => No("The case is already claimed."),

        (CaseStatus.InProgress, CaseAction.Release) => Ok(CaseStatus.New),
        (CaseStatus.New, CaseAction.Release) => No("The case is not claimed by anyone."),
        (CaseStatus.WaitingForCitizen, CaseAction.Release) => No("The case is waiting for the citizen's answer; it stays with its caseworker until then."),

        (CaseStatus.New, CaseAction.Reply or CaseAction.RequestInfo or CaseAction.Resolve) => No("Claim the case first."),
        (_, CaseAction.Reply) => Ok(status),

        (CaseStatus.InProgress, CaseAction.RequestInfo) => Ok(CaseStatus.WaitingForCitizen),
        (CaseStatus.WaitingForCitizen, CaseAction.RequestInfo) => No("The case is already waiting for the citizen's answer."),

        (CaseStatus.WaitingForCitizen, CaseAction.CitizenReplied) => Ok(CaseStatus.InProgress),
        (_, CaseAction.CitizenReplied) => Ok(status),

        (_, CaseAction.Transfer) => Ok(CaseStatus.New),
        (_, CaseAction.Resolve) => Ok(CaseStatus.Resolved),
        (_, CaseAction.CloseForErasure) => Ok(CaseStatus.Resolved),
        _ => No($"'{action}' is not possible in status '{status}'."),
    };

    private static Transition Ok(string to) => new(to, null);

    private static Transition No(string reason) => new(null, reason);
}
