using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MucGov.IntegrationTests.Hosting;
using MucGov.Shared.Auth;
using MucGov.Shared.ServiceDefaults;
using MucGov.Testing;
using Xunit;

namespace MucGov.IntegrationTests.Identity;

/// <summary>The identity service on a real socket, and an API that validates its tokens with the shared helper.</summary>
public sealed class TokenValidationFixture : Isolated
{
    public RunningApp Identity { get; private set; } = null!;
    public WebApplication Api { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Identity = await Apps.StartFreshAsync(this, "identity", kestrel: true);

        // A stand-in for the ticket service's API surface: the same wiring any service uses.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Service:Name"] = "ticket",
            ["Auth:Issuer"] = "http://localhost/",
            ["Auth:MetadataAddress"] = Apps.MetadataOf(Identity),
            ["Auth:Audience"] = "ticket",
            ["Auth:RequireHttpsMetadata"] = "false",
        });
        builder.AddServiceDefaults();
        builder.AddTokenValidation();
        Api = builder.Build();
        Api.UseServiceDefaults();
        Api.MapDefaultEndpoints();
        Api.MapGet("/api/queue", () => "queue").RequireAuthorization(Policies.Caseworker);
        Api.MapGet("/api/my/cases", () => "mine").RequireAuthorization(Policies.MyCases);
        await Api.StartAsync();
    }

    public HttpClient ApiClient(string? token)
    {
        var client = Api.GetTestClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public Task<string> AccessTokenAsync(string username, string scope) => IdentityFixture.AccessTokenAsync(Identity, username, scope);

    public override async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        await Identity.DisposeAsync();
        await base.DisposeAsync();
    }
}

public sealed class TokenValidationTests(TokenValidationFixture fixture) : IClassFixture<TokenValidationFixture>
{
    [Fact]
    public async Task Caseworker_token_for_the_queue_is_accepted()
    {
        var token = await fixture.AccessTokenAsync("cw.buergerbuero", "openid queue");

        var response = await fixture.ApiClient(token).GetAsync("/api/queue");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Citizen_token_on_the_caseworker_api_is_forbidden()
    {
        var token = await fixture.AccessTokenAsync("anna.huber", "openid cases queue");

        var queue = await fixture.ApiClient(token).GetAsync("/api/queue");
        var mine = await fixture.ApiClient(token).GetAsync("/api/my/cases");

        Assert.Equal(HttpStatusCode.Forbidden, queue.StatusCode);
        Assert.Equal("application/problem+json", queue.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
    }

    [Fact]
    public async Task Token_for_another_api_is_refused()
    {
        var token = await fixture.AccessTokenAsync("anna.huber", "openid conversation");

        var response = await fixture.ApiClient(token).GetAsync("/api/my/cases");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Missing_or_tampered_token_is_refused()
    {
        var token = await fixture.AccessTokenAsync("emily.clarke", "openid cases");
        var tampered = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.ApiClient(null).GetAsync("/api/my/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.ApiClient(tampered).GetAsync("/api/my/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.ApiClient(token).GetAsync("/api/my/cases")).StatusCode);
    }
}
