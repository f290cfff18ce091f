namespace MucGov.Ticket.Cases;

/// <summary>The kinds of case.</summary>
public static class CaseTypes
{
    public const string Enquiry = "enquiry";
    public const string Application = "application";
}
