namespace MucGov.Ticket.Cases;

/// <summary>The statuses of a case (stable strings of the public API).</summary>
public static class CaseStatus
{
    public const string New = "new";
    public const string InProgress = "in-progress";
    public const string WaitingForCitizen = "waiting-for-citizen";
    public const string Resolved = "resolved";

    public static readonly IReadOnlyList<string> All = [New, InProgress, WaitingForCitizen, Resolved];
}
