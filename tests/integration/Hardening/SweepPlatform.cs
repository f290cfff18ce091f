using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using MucGov.Contracts.Conversation;
using MucGov.Identity.Accounts;
using MucGov.IntegrationTests.Gateway;
using MucGov.IntegrationTests.Hosting;
using MucGov.IntegrationTests.Identity;
using MucGov.IntegrationTests.Ticket;
using MucGov.Testing;
using MucGov.Ticket.Data;
using OpenIddict.Server;

namespace MucGov.IntegrationTests.Hardening;

/// <summary>
/// The whole platform behind its gateway with every abuse limit lifted (the bench settings of <c>apps.json</c>), so a
/// sweep's requests reach the services' input checks instead of a rate limit; with the operations of every app and
/// the credentials, cases and documents the sweeps need.
/// </summary>
public class SweepPlatform : WebPlatform
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    protected override bool LimitsLifted => true;

    /// <summary>Every app by name, the gateway included.</summary>
    public IReadOnlyDictionary<string, RunningApp> Running { get; private set; } = null!;

    public IReadOnlyList<Operation> Operations { get; private set; } = [];

    public RowCounts Rows { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Running = new Dictionary<string, RunningApp>(Apps) { ["gateway"] = Gateway };
        Operations = await Hardening.Operations.ReadAsync(Running);
        Rows = new RowCounts(Running.ToDictionary(a => a.Key, a =>
            a.Value.Services.GetRequiredService<IConfiguration>().GetConnectionString(Hosting.Apps.Row(a.Key).ConnectionString)!));
        // Cases are routed with the departments' hours the ticket service learns from the catalog.
        await Eventually.HoldsAsync(async () => await WithTicketAsync(db => db.Departments.CountAsync()) >= 16, "the departments' hours are cached", Patience);
    }

    /// <summary>A client straight to <paramref name="app"/>: no cookies kept, no redirects followed.</summary>
    public HttpClient Client(string app) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Running[app].Address, Timeout = TimeSpan.FromSeconds(100) };

    /// <summary>An access token through the code flow (staff answer the authenticator step).</summary>
    public Task<string> TokenAsync(string username, string scope, string? password = null) =>
        IdentityFixture.AccessTokenAsync(Apps["identity"], username, scope, password);

    /// <summary>The catalog import client's token: role knowledge-editor, audience knowledge.</summary>
    public Task<string> EditorTokenAsync() => IdentityFixture.CatalogImportTokenAsync(Apps["identity"]);

    /// <summary>
    /// <paramref name="token"/> with its lifetime moved by <paramref name="shift"/>, signed again with the identity
    /// service's own signing key: with a shift of hours into the past, a genuine token that expired.
    /// </summary>
    public string Resigned(string token, TimeSpan shift)
    {
        var server = Apps["identity"].Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue;
        var handler = new JsonWebTokenHandler();
        var original = handler.ReadJsonWebToken(token);
        var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(original.EncodedPayload)).RootElement;
        var claims = payload.EnumerateObject().Where(c => c.Name is not ("exp" or "iat" or "nbf")).ToDictionary(c => c.Name, c => Plain(c.Value));
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            IssuedAt = original.IssuedAt + shift,
            NotBefore = (original.ValidFrom == DateTime.MinValue ? original.IssuedAt : original.ValidFrom) + shift,
            Expires = original.ValidTo + shift,
            SigningCredentials = server.SigningCredentials[0],
            TokenType = original.Typ,
        });
    }

    private static object Plain(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetInt64(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => value.EnumerateArray().Select(Plain).ToList(),
        _ => value.GetRawText(),
    };

    /// <summary>Signs <paramref name="username"/> in through the gateway; returns the session's <c>Cookie</c> header.</summary>
    public async Task<string> SessionAsync(string username, string? password = null)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true };
        using var browser = new HttpClient(handler) { BaseAddress = Origin };
        if (password is null)
        {
            await SignInAsync(browser, username);
        }
        else
        {
            var login = await browser.GetAsync("/bff/login?returnUrl=%2F");
            var callback = await new OidcFlow(browser).BrowseAsync(login.Headers.Location!.ToString(), username, password);
            await browser.GetAsync(callback);
        }

        return handler.CookieContainer.GetCookieHeader(Origin);
    }

    /// <summary>A citizen of this fixture alone (a sweep may change or close the account); returns its name, password and id.</summary>
    public Task<(string Username, string Password, Guid Id)> NewCitizenAsync() =>
        IdentityFixture.NewCitizenAsync(Apps["identity"], MucGov.Shared.Auth.TrustLevels.Substantial);

    public Task<Guid> CitizenIdAsync(string username) => IdentityFixture.CitizenIdAsync(Apps["identity"], username);

    /// <summary>A chat of <paramref name="token"/>'s citizen (or an anonymous one); returns its id and, for anonymous chats, its key.</summary>
    public async Task<(Guid Id, string? Key)> ChatAsync(string? token)
    {
        using var client = Client("conversation");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/conversations");
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        using var response = await client.SendAsync(request);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"No chat: {(int)response.StatusCode} {created}");
        }

        return (created.GetProperty("id").GetGuid(), created.TryGetProperty("accessKey", out var key) && key.ValueKind == JsonValueKind.String ? key.GetString() : null);
    }

    /// <summary>Opens a case as the conversation service does when a citizen consents; returns its id and reference.</summary>
    public async Task<(Guid Id, string Reference)> OpenCaseAsync(string department, Guid? citizen, Guid conversation)
    {
        var escalation = TicketFixture.Escalation(department, citizen: citizen) with { ConversationId = conversation };
        await Apps["conversation"].Services.GetRequiredService<IBus>().Publish(escalation);
        var opened = await Eventually.ValueAsync(() => WithTicketAsync(db => db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.EscalationId == escalation.EscalationId)),
            "the case is opened", Patience);
        return (opened.Id, opened.Reference);
    }

    /// <summary>Issues a Meldebescheinigung to <paramref name="citizen"/> as a confirmed chat procedure does; returns its id and verification code.</summary>
    public async Task<(Guid Id, string Code)> IssueDocumentAsync(Guid citizen, Guid conversation)
    {
        KeyValuePair<string, string>[] fields = [new("givenName", "givenName"), new("familyName", "familyName"), new("birthDate", "birthDate"), new("address", "address")];
        var submitted = new ProcedureSubmitted(Guid.NewGuid(), conversation, citizen, "meldebescheinigung", "meldebescheinigung",
            new Dictionary<string, string> { ["purpose"] = "Arbeitgeber" }, "de", DateTimeOffset.UtcNow, "buergerbuero", "document", "Meldebescheinigung",
            [new("givenName", "Vorname"), new("familyName", "Familienname"), new("birthDate", "Geburtsdatum"), new("address", "Anschrift"), new("purpose", "Zweck")],
            Guid.NewGuid(), "high", fields, []);
        await Apps["conversation"].Services.GetRequiredService<IBus>().Publish(submitted);
        var document = await Eventually.ValueAsync(
            () => WithTicketAsync(db => db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.SubmissionId == submitted.SubmissionId && d.Pdf != null)),
            "the document is issued", Patience);
        return (document.Id, document.VerificationCode);
    }

    public async Task<T> WithTicketAsync<T>(Func<TicketDbContext, Task<T>> work)
    {
        await using var scope = Apps["ticket"].Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TicketDbContext>());
    }
}
