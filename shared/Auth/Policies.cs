using Microsoft.AspNetCore.Authorization;

namespace MucGov.Shared.Auth;

/// <summary>
/// The scope → policy table of the design. Every policy also needs the scope, so a token a citizen obtained for the
/// chat cannot be used on the queue even by a staff account.
/// </summary>
public static class Policies
{
    /// <summary>Chat: scope <c>conversation</c>.</summary>
    public const string Chat = "chat";

    /// <summary>A citizen's own cases and documents: scope <c>cases</c>.</summary>
    public const string MyCases = "my-cases";

    /// <summary>Caseworker endpoints: scope <c>queue</c> and role <c>caseworker</c> or <c>supervisor</c>.</summary>
    public const string Caseworker = "caseworker";

    /// <summary>Supervisor endpoints: scope <c>queue</c> and role <c>supervisor</c>.</summary>
    public const string Supervisor = "supervisor";

    /// <summary>Catalog editing: scope <c>knowledge.edit</c> and role <c>knowledge-editor</c>.</summary>
    public const string KnowledgeEditor = "knowledge-editor";

    /// <summary>The citizen's own Bürgerkonto: scope <c>buergerkonto</c>.</summary>
    public const string Buergerkonto = "buergerkonto";

    /// <summary>Any member of staff (a role of <see cref="StaffRoles.All"/>), e.g. for the API reference.</summary>
    public const string Staff = "staff";

    /// <summary>Requires the token to grant <paramref name="scope"/>.</summary>
    public static AuthorizationPolicyBuilder RequireScope(this AuthorizationPolicyBuilder policy, string scope) =>
        policy.RequireAssertion(context => context.User.Scopes().Contains(scope));

    internal static void AddMucGovPolicies(this AuthorizationBuilder authorization)
    {
        authorization
            .AddPolicy(Chat, p => p.RequireAuthenticatedUser().RequireScope("conversation"))
            .AddPolicy(MyCases, p => p.RequireAuthenticatedUser().RequireScope("cases").RequireClaim(MucGovClaims.Subject))
            .AddPolicy(Caseworker, p => p.RequireAuthenticatedUser().RequireScope("queue").RequireClaim(MucGovClaims.Role, StaffRoles.Caseworker, StaffRoles.Supervisor))
            .AddPolicy(Supervisor, p => p.RequireAuthenticatedUser().RequireScope("queue").RequireClaim(MucGovClaims.Role, StaffRoles.Supervisor))
            .AddPolicy(KnowledgeEditor, p => p.RequireAuthenticatedUser().RequireScope("knowledge.edit").RequireClaim(MucGovClaims.Role, StaffRoles.KnowledgeEditor))
            .AddPolicy(Buergerkonto, p => p.RequireAuthenticatedUser().RequireScope("buergerkonto").RequireClaim(MucGovClaims.Subject))
            .AddPolicy(Staff, p => p.RequireAuthenticatedUser().RequireClaim(MucGovClaims.Role, StaffRoles.All));
    }
}
