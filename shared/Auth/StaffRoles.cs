namespace MucGov.Shared.Auth;

/// <summary>The roles a staff account may hold (the <c>role</c> claim).</summary>
public static class StaffRoles
{
    /// <summary>Works a department's queue.</summary>
    public const string Caseworker = "caseworker";

    /// <summary>Leads a department's queue: statistics, templates, other caseworkers' claims.</summary>
    public const string Supervisor = "supervisor";

    /// <summary>Edits the knowledge catalog.</summary>
    public const string KnowledgeEditor = "knowledge-editor";

    /// <summary>Runs the platform.</summary>
    public const string Operator = "operator";

    /// <summary>All roles.</summary>
    public static readonly IReadOnlyList<string> All = [Caseworker, Supervisor, KnowledgeEditor, Operator];
}
