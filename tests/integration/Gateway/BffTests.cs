using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MucGov.Gateway.Bff;
using MucGov.Gateway.Data;
using MucGov.IntegrationTests.Hosting;
using MucGov.Testing;
using Xunit;

namespace MucGov.IntegrationTests.Gateway;

public sealed class BffTests(WebPlatform web) : IClassFixture<WebPlatform>
{
    private static HttpRequestMessage Post(string path, object body, bool csrf = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (csrf)
        {
            request.Headers.Add("X-CSRF", "1");
        }

        return request;
    }

    [Fact]
    public async Task Citizen_signs_in_through_the_gateway_and_the_session_carries_the_token_to_the_services()
    {
        using var browser = web.Browser();

        await web.SignInAsync(browser, "anna.huber");
        var user = await WebPlatform.UserAsync(browser);
        var chat = await browser.SendAsync(Post("/api/conversations", new { }));
        var cases = await browser.GetAsync("/api/my/cases");

        Assert.True(user.GetProperty("authenticated").GetBoolean());
        Assert.Equal("Anna Huber", user.GetProperty("name").GetString());
        Assert.Equal("citizen", user.GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.Created, chat.StatusCode);
        var created = await chat.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, created.GetProperty("accessKey").ValueKind);
        Assert.Contains("Anna", created.GetProperty("messages")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, cases.StatusCode);
        var id = created.GetProperty("id").GetGuid();
        var said = await browser.SendAsync(Post($"/api/conversations/{id}/messages", new { text = "Wo bekomme ich einen Reisepass?", clientMessageId = "p1" }));
        Assert.True(said.StatusCode == HttpStatusCode.OK, $"{(int)said.StatusCode} {await said.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task An_expiring_access_token_is_refreshed_once_for_many_concurrent_requests_of_the_session()
    {
        using var browser = web.Browser();
        await web.SignInAsync(browser, "ayse.yilmaz");
        var subject = Guid.Parse((await WebPlatform.UserAsync(browser)).GetProperty("subject").GetString()!);
        var store = web.Gateway.Services.GetRequiredService<DatabaseTicketStore>();
        string key;
        await using (var scope = web.Gateway.Services.CreateAsyncScope())
        {
            key = await scope.ServiceProvider.GetRequiredService<GatewayDbContext>().Sessions.Where(s => s.Subject == subject)
                .OrderByDescending(s => s.UpdatedAt).Select(s => s.Id).FirstAsync();
        }

        // Make the session's access token about to expire.
        var ticket = (await store.RetrieveAsync(key))!;
        var before = ticket.Properties.GetTokenValue("access_token");
        ticket.Properties.UpdateTokenValue("expires_at", DateTimeOffset.UtcNow.AddSeconds(5).ToString("o", System.Globalization.CultureInfo.InvariantCulture));
        await store.RenewAsync(key, ticket);

        // The identity service revokes the whole grant when a refresh token is used twice (no leeway in tests):
        // all of these succeed only if the gateway refreshed once.
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => browser.GetAsync("/api/my/cases")));
        var after = (await store.RetrieveAsync(key))!.Properties;

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.NotEqual(before, after.GetTokenValue("access_token"));
        Assert.True(DateTimeOffset.Parse(after.GetTokenValue("expires_at")!, System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow.AddMinutes(5));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/my/cases")).StatusCode);
    }

    [Fact]
    public async Task Session_cookie_is_httponly_samesite_and_holds_no_token()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true };
        using var browser = new HttpClient(handler) { BaseAddress = web.Origin };

        await web.SignInAsync(browser, "emily.clarke");

        var session = handler.CookieContainer.GetCookies(web.Origin).Single(c => c.Name == "mucgov.session");
        Assert.True(session.HttpOnly);
        Assert.True(session.Value.Length < 1200, "the cookie holds a session reference, not the tokens");
        Assert.DoesNotContain("eyJ", session.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cookie_call_that_changes_state_without_x_csrf_is_refused_with_403()
    {
        using var browser = web.Browser();
        await web.SignInAsync(browser, "sepp.brandl");

        var without = await browser.SendAsync(Post("/api/conversations", new { }, csrf: false));
        var with = await browser.SendAsync(Post("/api/conversations", new { }));

        Assert.Equal(HttpStatusCode.Forbidden, without.StatusCode);
        Assert.Contains("X-CSRF", (await Apps.ProblemAsync(without)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, with.StatusCode);
    }

    [Fact]
    public async Task An_api_client_without_x_csrf_gets_the_anonymous_chat_key_in_the_answer_and_no_cookie()
    {
        using var client = web.Browser();

        var response = await client.PostAsJsonAsync("/api/conversations", new { });
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var key = created.GetProperty("accessKey").GetString()!;
        using var followUp = new HttpRequestMessage(HttpMethod.Post, $"/api/conversations/{created.GetProperty("id").GetGuid()}/messages")
        {
            Content = JsonContent.Create(new { text = "Hallo", clientMessageId = "k1" }),
        };
        followUp.Headers.Add("X-Conversation-Key", key);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.OK, (await web.Gateway.CreateClient().SendAsync(followUp)).StatusCode);
    }

    [Fact]
    public async Task Anonymous_chat_key_stays_in_the_session_and_never_reaches_the_page()
    {
        using var browser = web.Browser();
        using var stranger = web.Browser();

        var created = await (await browser.SendAsync(Post("/api/conversations", new { }))).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var reply = await browser.SendAsync(Post($"/api/conversations/{id}/messages", new { text = "Hallo", clientMessageId = "a1" }));
        var foreign = await stranger.GetAsync($"/api/conversations/{id}");

        Assert.False(created.TryGetProperty("accessKey", out _));
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/api/conversations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task Pages_need_a_session_and_the_console_a_caseworker()
    {
        using var anonymous = web.Browser();
        using var citizen = web.Browser();
        await web.SignInAsync(citizen, "ayse.yilmaz");

        var chat = await anonymous.GetAsync("/");
        var console = await anonymous.GetAsync("/console");
        var citizenConsole = await citizen.GetAsync("/console");
        var citizenQueue = await citizen.GetAsync("/api/queue");

        Assert.Equal(HttpStatusCode.OK, chat.StatusCode);
        Assert.Contains("Mingabot", await chat.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, console.StatusCode);
        Assert.Equal("/bff/login?returnUrl=%2Fconsole", console.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, citizenConsole.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, citizenQueue.StatusCode);
    }

    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example/")]
    public async Task Sign_in_returns_only_to_a_path_of_this_origin(string returnUrl)
    {
        using var browser = web.Browser();

        await web.SignInAsync(browser, "sepp.brandl", returnUrl, landsOn: "/");
    }

    [Fact]
    public async Task Caseworker_signs_in_with_totp_and_opens_the_console_and_the_queue()
    {
        using var browser = web.Browser();

        await web.SignInAsync(browser, "cw.buergerbuero", "/console");
        var console = await browser.GetAsync("/console");
        var queue = await browser.GetAsync("/api/queue");
        var user = await WebPlatform.UserAsync(browser);

        Assert.Equal(HttpStatusCode.OK, console.StatusCode);
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        Assert.Equal("staff", user.GetProperty("kind").GetString());
        Assert.Equal(["buergerbuero"], user.GetProperty("departments").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public async Task Logout_needs_the_sessions_own_link_and_ends_the_identity_session_too()
    {
        using var browser = web.Browser();
        await web.SignInAsync(browser, "olena.kovalenko");
        var link = (await WebPlatform.UserAsync(browser)).GetProperty("logoutUrl").GetString()!;

        var forged = await browser.GetAsync("/bff/logout?sid=0000");
        var stillIn = (await WebPlatform.UserAsync(browser)).GetProperty("authenticated").GetBoolean();
        var logout = await browser.GetAsync(link);
        var after = await WebPlatform.UserAsync(browser);

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.True(stillIn);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.StartsWith(new Uri(web.Origin, "connect/endsession").ToString(), logout.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.False(after.GetProperty("authenticated").GetBoolean());

        // The gateway's end-session request carries the session's ID token: identity signs out without asking.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).StatusCode);
        var endSession = await browser.GetAsync(logout.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, endSession.StatusCode);
        Assert.Contains("signout-callback-oidc", endSession.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task A_plain_link_to_end_the_identity_session_asks_first_and_signs_out_only_when_confirmed()
    {
        using var browser = web.Browser();
        await web.SignInAsync(browser, "emily.clarke");

        var link = await browser.GetAsync("/connect/endsession");
        var stillIn = await browser.GetAsync("/account");
        var confirmation = link.Headers.Location!.OriginalString;
        var page = await browser.GetAsync(confirmation);
        var confirmed = await browser.PostAsync(confirmation,
            new FormUrlEncodedContent(MucGov.Shared.Clients.HeadlessSignIn.HiddenFields(await page.Content.ReadAsStringAsync())));
        var after = await browser.GetAsync("/account");

        Assert.Equal(HttpStatusCode.Redirect, link.StatusCode);
        Assert.StartsWith("/account/logout?continue=", confirmation, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.StartsWith("/connect/endsession", confirmed.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_expired_or_refused_sign_in_callback_is_never_a_500()
    {
        using var browser = web.Browser();
        using var page = new HttpRequestMessage(HttpMethod.Get, "/signin-oidc?state=garbage&code=x");
        page.Headers.Accept.ParseAdd("text/html");

        var api = await browser.GetAsync("/signin-oidc?state=garbage");
        var refused = await browser.GetAsync("/signin-oidc?error=access_denied&error_description=refused&state=garbage");
        var fromPage = await browser.SendAsync(page);

        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        await Apps.ProblemAsync(api);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, fromPage.StatusCode);
        Assert.Equal("/?signin=failed", fromPage.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Invalid_bearer_token_is_refused_by_the_gateway_even_on_open_routes()
    {
        using var client = web.Gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");

        var response = await client.GetAsync("/api/knowledge/departments");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("gateway", (await Apps.ProblemAsync(response)).GetProperty("service").GetString());
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers()
    {
        using var client = web.Gateway.CreateClient();

        foreach (var path in new[] { "/", "/api/knowledge/departments", "/account/login" })
        {
            var response = await client.GetAsync(path);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        }
    }

    [Fact]
    public async Task Unknown_route_is_404_problem_json()
    {
        using var client = web.Gateway.CreateClient();

        var response = await client.GetAsync("/api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("gateway", (await Apps.ProblemAsync(response)).GetProperty("service").GetString());
    }
}
