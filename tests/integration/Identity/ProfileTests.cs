using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using MucGov.Contracts.Identity;
using MucGov.Identity.Data;
using MucGov.IntegrationTests.Hosting;
using MucGov.IntegrationTests.Messaging;
using MucGov.Shared.Auth;
using MucGov.Shared.Messaging.Outbox;
using MucGov.Testing;
using Xunit;

namespace MucGov.IntegrationTests.Identity;

public sealed class ProfileTests(IdentityFixture identity) : IClassFixture<IdentityFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private async Task<HttpClient> ClientForAsync(string username, string password, string scope = "openid profile buergerkonto")
    {
        var flow = identity.NewFlow();
        var tokens = await OidcFlow.TokensAsync(await flow.RedeemAsync(await flow.SignInAsync(username, password, scope)));
        var client = identity.App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return client;
    }

    private static object ValidUpdate(string givenName = "Franz", string familyName = "Xaver") => new
    {
        givenName,
        familyName,
        birthDate = "1970-02-01",
        address = new { street = "Sendlinger Straße", houseNumber = "1", postalCode = "80331", city = "München" },
        email = (string?)null,
        phone = "+49 89 233-00",
        preferredLanguage = "bar",
    };

    [Fact]
    public async Task Citizen_reads_own_profile_with_documents_on_file()
    {
        using var client = await ClientForAsync("anna.huber", IdentityFixture.PasswordOf("anna.huber"));

        var profile = await client.GetFromJsonAsync<JsonElement>("/api/profile/me");

        Assert.Equal("Huber", profile.GetProperty("familyName").GetString());
        Assert.Equal("high", profile.GetProperty("trustLevel").GetString());
        Assert.Equal("80802", profile.GetProperty("address").GetProperty("postalCode").GetString());
        Assert.Contains(profile.GetProperty("documents").EnumerateArray(), d => d.GetProperty("kind").GetString() == "identity-card");
    }

    [Fact]
    public async Task Valid_update_changes_the_profile()
    {
        var (username, password) = await identity.NewCitizenAsync();
        using var client = await ClientForAsync(username, password);

        var response = await client.PutAsJsonAsync("/api/profile/me", ValidUpdate());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var profile = await client.GetFromJsonAsync<JsonElement>("/api/profile/me");
        Assert.Equal("80331", profile.GetProperty("address").GetProperty("postalCode").GetString());
        Assert.Equal("bar", profile.GetProperty("preferredLanguage").GetString());
    }

    [Fact]
    public async Task A_new_email_address_counts_once_it_is_confirmed_by_the_link_sent_there()
    {
        var (username, password) = await identity.NewCitizenAsync();
        using var client = await ClientForAsync(username, password);
        var fresh = $"neu-{Guid.NewGuid():N}@example.org";

        var response = await client.PutAsJsonAsync("/api/profile/me", new
        {
            givenName = "Franz", familyName = "Xaver", email = fresh, preferredLanguage = "de", notifyByEmail = false,
        });

        var changed = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(($"{username}@example.org", fresh, true, false), (changed.GetProperty("email").GetString(), changed.GetProperty("pendingEmail").GetString(),
            changed.GetProperty("emailVerified").GetBoolean(), changed.GetProperty("notifyByEmail").GetBoolean()));
        var mail = Assert.Single(await TestMailbox.WaitForAsync(fresh));
        Assert.Equal("Bitte bestätigen Sie Ihre neue E-Mail-Adresse", mail.Subject);
        var link = TestMailbox.LinkIn(mail.Text, "http://localhost/account/confirm-email");
        using var browser = identity.App.CreateClient();
        var forged = await browser.GetAsync(link.PathAndQuery.Replace("email=", "email=x", StringComparison.Ordinal));
        Assert.Contains("id=\"confirm-invalid\"", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var confirmed = await browser.GetAsync(link.PathAndQuery);
        Assert.Contains("id=\"confirmed\"", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var profile = await client.GetFromJsonAsync<JsonElement>("/api/profile/me");
        Assert.Equal((fresh, JsonValueKind.Null, true), (profile.GetProperty("email").GetString(), profile.GetProperty("pendingEmail").ValueKind,
            profile.GetProperty("emailVerified").GetBoolean()));
    }

    [Fact]
    public async Task Invalid_update_is_a_400_with_field_errors_and_changes_nothing()
    {
        var (username, password) = await identity.NewCitizenAsync();
        using var client = await ClientForAsync(username, password);

        var response = await client.PutAsJsonAsync("/api/profile/me", new
        {
            givenName = "",
            familyName = "Xaver",
            birthDate = "2999-01-01",
            address = new { street = "Marienplatz", houseNumber = "8", postalCode = "8O331", city = "München" },
            email = "not-an-address",
            phone = "call me",
            preferredLanguage = "Deutsch",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Apps.ProblemAsync(response);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "givenName", "birthDate", "address.postalCode", "email", "phone", "preferredLanguage" }, fields);
        var profile = await client.GetFromJsonAsync<JsonElement>("/api/profile/me");
        Assert.Equal("Franz", profile.GetProperty("givenName").GetString());
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("address").GetProperty("postalCode").ValueKind);
    }

    [Fact]
    public async Task Unreadable_body_is_a_400_problem()
    {
        var (username, password) = await identity.NewCitizenAsync();
        using var client = await ClientForAsync(username, password);

        var response = await client.PutAsync("/api/profile/me", new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await Apps.ProblemAsync(response);
    }

    [Fact]
    public async Task Names_verified_with_eid_cannot_be_changed_through_the_api()
    {
        var (username, password) = await identity.NewCitizenAsync(TrustLevels.High);
        using var client = await ClientForAsync(username, password);

        var response = await client.PutAsJsonAsync("/api/profile/me", ValidUpdate(givenName: "Sebastian"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Apps.ProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty("givenName", out _));
    }

    [Fact]
    public async Task Profile_api_refuses_no_token_a_tampered_token_an_expired_token_and_a_token_for_another_api()
    {
        using var anonymous = identity.App.CreateClient();
        var flow = identity.NewFlow();
        var chatOnly = await OidcFlow.TokensAsync(await flow.RedeemAsync(await flow.SignInAsync("emily.clarke", IdentityFixture.PasswordOf("emily.clarke"),
            "openid conversation")));
        var second = identity.NewFlow();
        var good = await OidcFlow.TokensAsync(await second.RedeemAsync(await second.SignInAsync("emily.clarke", IdentityFixture.PasswordOf("emily.clarke"),
            "openid buergerkonto")));
        var parts = good.AccessToken.Split('.');
        var forgedPayload = Base64UrlEncoder.Decode(parts[1]).Replace("Emily", "Mallory", StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(System.Text.Encoding.UTF8.GetBytes(forgedPayload))}.{parts[2]}";

        async Task<HttpStatusCode> StatusWith(string? token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/profile/me");
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            return (await anonymous.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await StatusWith(good.AccessToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWith(null));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWith(tampered));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWith(ExpiredToken(OidcFlow.Claims(good.AccessToken))));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWith(chatOnly.AccessToken));
    }

    // The same token as the server would issue, signed with the server's own key, but expired an hour ago.
    private static string ExpiredToken(JsonElement claims)
    {
        var keys = Path.Combine(Path.GetTempPath(), "mucgov-test-keys", "signing.pfx");
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(keys, null);
        var handler = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler();
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "http://localhost/",
            Audience = "identity",
            Subject = new ClaimsIdentity([new Claim("sub", claims.GetProperty("sub").GetString()!), new Claim("scope", "openid buergerkonto")]),
            IssuedAt = DateTime.UtcNow.AddHours(-2),
            NotBefore = DateTime.UtcNow.AddHours(-2),
            Expires = DateTime.UtcNow.AddHours(-1),
            TokenType = "at+jwt",
            SigningCredentials = new X509SigningCredentials(certificate),
        });
    }

    [Fact]
    public async Task Closing_the_account_publishes_one_erasure_request_and_ends_its_sign_ins()
    {
        var received = new Received();
        using var listener = await SampleHost.StartAsync(await identity.NewDatabaseAsync("listener"), identity.RabbitSettings(identity.VirtualHost), "listener",
            bus => bus.AddConsumer<Recorder<CitizenErasureRequested>>(), received);
        var (username, password) = await identity.NewCitizenAsync();
        using var client = await ClientForAsync(username, password);
        var accountId = Guid.Parse((await client.GetFromJsonAsync<JsonElement>("/api/profile/me")).GetProperty("id").GetString()!);

        var response = await client.DeleteAsync("/api/profile/me");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var erasureId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("erasureId").GetGuid();
        await Eventually.HoldsAsync(() => received.Count<CitizenErasureRequested>(e => e.CitizenId == accountId) == 1, "the erasure request arrives", Patience);
        Assert.Equal(erasureId, received.Messages.Select(m => m.Message).OfType<CitizenErasureRequested>().Single().ErasureId);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/profile/me")).StatusCode);
        var login = await identity.NewFlow().SubmitLoginAsync(new Uri("/account/login", UriKind.Relative), username, password);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("role=\"alert\"", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = identity.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountDbContext>();
        var erasures = await db.Set<OutboxMessage>().Where(m => m.MessageType.Contains(nameof(CitizenErasureRequested))).ToListAsync();
        Assert.Single(erasures, m => m.Body.Contains(accountId.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Profile_request_returns_only_the_consented_fields_and_logs_the_disclosure()
    {
        using var requester = await SampleHost.StartAsync(await identity.NewDatabaseAsync("requester"), identity.RabbitSettings(identity.VirtualHost), "requester",
            bus => bus.AddRequestClient<GetCitizenProfile>(TimeSpan.FromSeconds(30)));
        await using var scope = identity.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountDbContext>();
        var anna = await db.Users.SingleAsync(u => u.UserName == "anna.huber");
        var consentId = Guid.NewGuid();

        var response = await requester.Services.GetRequiredService<IRequestClient<GetCitizenProfile>>()
            .GetResponse<CitizenProfile, CitizenNotFound>(new GetCitizenProfile(anna.Id, consentId, "escalation", "buergerbuero", ["givenName", "familyName", "address",
                "nonsense"]));

        Assert.True(response.Is(out Response<CitizenProfile>? profile));
        Assert.Equal(["address", "familyName", "givenName"], profile!.Message.Fields.Keys.Order());
        Assert.Equal("Leopoldstraße 42, 80802 München", profile.Message.Fields["address"]);
        Assert.Equal("high", profile.Message.TrustLevel);
        var disclosure = await db.Disclosures.AsNoTracking().SingleAsync(d => d.ConsentId == consentId);
        Assert.Equal("buergerbuero", disclosure.Recipient);
        Assert.Equal(["address", "familyName", "givenName"], disclosure.Fields.Order());
    }

    [Fact]
    public async Task Profile_request_for_an_unknown_citizen_gets_not_found()
    {
        using var requester = await SampleHost.StartAsync(await identity.NewDatabaseAsync("requester"), identity.RabbitSettings(identity.VirtualHost), "requester2",
            bus => bus.AddRequestClient<GetCitizenProfile>(TimeSpan.FromSeconds(30)));
        var unknown = Guid.NewGuid();

        var response = await requester.Services.GetRequiredService<IRequestClient<GetCitizenProfile>>()
            .GetResponse<CitizenProfile, CitizenNotFound>(new GetCitizenProfile(unknown, Guid.NewGuid(), "escalation", "buergerbuero", ["givenName"]));

        Assert.True(response.Is(out Response<CitizenNotFound>? notFound));
        Assert.Equal(unknown, notFound!.Message.CitizenId);
    }
}
