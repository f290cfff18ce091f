using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MucGov.Shared.Auth;
using Xunit;

namespace MucGov.Shared.Tests;

public sealed class PolicyTests
{
    private static readonly IAuthorizationService Authorization = new ServiceCollection()
        .AddLogging()
        .AddMucGovPolicies()
        .BuildServiceProvider()
        .GetRequiredService<IAuthorizationService>();

    private static ClaimsPrincipal User(string scope, params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity([new Claim("sub", Guid.NewGuid().ToString()), new Claim("scope", scope), .. claims.Select(c => new Claim(c.Type, c.Value))], "Bearer", "name",
            "role"));

    private static async Task<bool> Allowed(ClaimsPrincipal user, string policy) => (await Authorization.AuthorizeAsync(user, policy)).Succeeded;

    [Fact]
    public async Task Caseworker_with_the_queue_scope_may_use_the_queue() =>
        Assert.True(await Allowed(User("openid queue", ("role", "caseworker"), ("department", "buergerbuero")), Policies.Caseworker));

    [Fact]
    public async Task Citizen_token_is_refused_on_the_queue_even_with_the_scope() =>
        Assert.False(await Allowed(User("openid queue conversation"), Policies.Caseworker));

    [Fact]
    public async Task Caseworker_token_without_the_queue_scope_is_refused_on_the_queue() =>
        Assert.False(await Allowed(User("openid conversation", ("role", "caseworker")), Policies.Caseworker));

    [Fact]
    public async Task Only_supervisors_see_department_statistics()
    {
        Assert.False(await Allowed(User("queue", ("role", "caseworker")), Policies.Supervisor));
        Assert.True(await Allowed(User("queue", ("role", "supervisor")), Policies.Supervisor));
    }

    [Fact]
    public async Task Catalog_editing_needs_role_and_scope()
    {
        Assert.True(await Allowed(User("knowledge.edit", ("role", "knowledge-editor")), Policies.KnowledgeEditor));
        Assert.False(await Allowed(User("knowledge.edit", ("role", "caseworker")), Policies.KnowledgeEditor));
    }

    [Fact]
    public async Task Chat_policy_reads_scopes_from_a_space_separated_claim()
    {
        Assert.True(await Allowed(User("openid profile conversation"), Policies.Chat));
        Assert.False(await Allowed(User("openid profile"), Policies.Chat));
    }
}
