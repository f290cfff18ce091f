namespace MucGov.Ticket.Cases;

/// <summary>How urgent a case is; a missed deadline raises it.</summary>
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
