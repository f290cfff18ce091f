namespace MucGov.Ticket.Cases;

/// <summary>Why a case refused a change.</summary>
public enum CaseRefusalKind
{
    /// <summary>Another caseworker holds the case (or the caller already does).</summary>
    HeldByOther,

    /// <summary>The state machine does not allow the action in the case's status.</summary>
    NotPossible,

    /// <summary>A transfer to the department the case is already in.</summary>
    AlreadyThere,
}

/// <summary>A change the case refused, with the reason a caseworker reads; nothing of the case changed.</summary>
public sealed record CaseRefusal(CaseRefusalKind Kind, string Reason);
