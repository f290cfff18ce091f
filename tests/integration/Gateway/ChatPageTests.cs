using Microsoft.Playwright;
using MucGov.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace MucGov.IntegrationTests.Gateway;

/// <summary>The chat page's own work: an issued document downloaded from the chat, and a live stream that breaks and comes back.</summary>
public sealed partial class WebPagesTests
{
    [Fact]
    public async Task Citizen_applies_for_a_meldebescheinigung_in_the_chat_and_downloads_the_issued_pdf_from_its_link()
    {
        var browser = await platform.BrowserAsync();
        var page = await PageAsync(browser, 1100, 900);
        await SignInToChatAsync(page, "anna.huber", "Anna");

        await page.Locator("#start").ClickAsync();
        await page.Locator("#text").FillAsync("Ich brauche eine Meldebescheinigung");
        await page.Locator("#text").PressAsync("Enter");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Ja, gleich erledigen" }).Last.ClickAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Ja, verwenden" }).Last.ClickAsync();
        await Expect(page.Locator("#messages li.bot").Last).ToContainTextAsync("Wofür");
        await page.Locator("#text").FillAsync("Arbeitgeber");
        await page.Locator("#text").PressAsync("Enter");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Abschicken" }).Last.ClickAsync();

        // The document arrives as a note in the chat with a download link; the browser saves a real PDF from it.
        var link = page.Locator("#messages li.system").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Dokument herunterladen (PDF)" });
        await Expect(link).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 60_000 });
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.True(bytes.Length > 1000, $"the PDF has {bytes.Length} bytes");
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_cut_chat_stream_reconnects_and_shows_what_came_meanwhile_once()
    {
        // The browser reaches the gateway through a relay the test can cut, as a train's tunnel would.
        await using var relay = new TcpRelay("127.0.0.1", Web.Origin.Port);
        relay.Start();
        var origin = new Uri($"http://127.0.0.1:{relay.Port}/");
        var browser = await platform.BrowserAsync();
        var page = await PageAsync(browser, 1100, 900);
        await page.GotoAsync(origin.ToString());
        await page.Locator("#start").ClickAsync();
        await page.Locator("#text").FillAsync("Wo bekomme ich einen Reisepass?");
        await page.Locator("#text").PressAsync("Enter");
        var messages = page.Locator("#messages > li");
        await Expect(messages).ToHaveCountAsync(3);

        // The stream is cut; meanwhile the same chat gets a question and its answer from another tab (the same session).
        await relay.StopAsync();
        var conversation = await page.EvaluateAsync<string>("() => sessionStorage.getItem('mucgov.conversation')");
        var cookies = await page.Context.CookiesAsync();
        using (var tab = new HttpClient { BaseAddress = Web.Origin })
        {
            tab.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Name}={c.Value}")));
            tab.DefaultRequestHeaders.Add("X-CSRF", "1");
            var sent = await tab.PostAsync($"/api/conversations/{conversation}/messages", System.Net.Http.Json.JsonContent.Create(new
            {
                text = "Und was kostet der Reisepass?", clientMessageId = Guid.NewGuid().ToString(),
            }));
            Assert.True(sent.IsSuccessStatusCode, $"{(int)sent.StatusCode} {await sent.Content.ReadAsStringAsync()}");
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(3, await messages.CountAsync());

        // Back online, the page's stream resumes after the last message it had: the two new ones appear, each once.
        relay.Start();
        await Expect(messages).ToHaveCountAsync(5, new LocatorAssertionsToHaveCountOptions { Timeout = 30_000 });
        await Expect(messages.Nth(3)).ToContainTextAsync("Und was kostet der Reisepass?");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(5, await messages.CountAsync());
        var seqs = await page.Locator("#messages > li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.seq)");
        Assert.Equal(seqs.Length, seqs.Distinct().Count());
    }

    [Fact]
    public async Task Staff_browse_the_api_reference_at_docs_and_anyone_else_is_turned_away()
    {
        // Outside Development (the tests' platform runs as Testing) only staff get the reference.
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Web.Origin };
        var refused = await anonymous.GetAsync("/docs/openapi/ticket.json");
        Assert.True(refused.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Redirect, $"{refused.StatusCode}");
        using var citizen = new HttpClient { BaseAddress = Web.Origin };
        citizen.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            await Identity.IdentityFixture.AccessTokenAsync(Web.Apps["identity"], "anna.huber", "openid cases"));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await citizen.GetAsync("/docs/openapi/ticket.json")).StatusCode);

        // A caseworker's session opens the reference; its ticket document is the service's own, served by the gateway.
        var browser = await platform.BrowserAsync();
        var page = await PageAsync(browser, 1280, 900);
        var blocked = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                blocked.Add(message.Text);
            }
        };
        await page.GotoAsync(new Uri(Web.Origin, "docs/").ToString());
        await SignInAsync(page, "cw.buergerbuero2", await Identity.IdentityFixture.TotpSecretAsync(Web.Apps["identity"], "cw.buergerbuero2"));
        await Expect(page.GetByText("/api/queue/events").First).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
        var document = await page.EvaluateAsync<System.Text.Json.JsonElement>("async () => (await fetch('/docs/openapi/ticket.json')).json()");
        Assert.Equal("/", document.GetProperty("servers")[0].GetProperty("url").GetString());
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/departments/{id}/templates", out _));
        Assert.DoesNotContain(blocked, text => text.Contains("Content Security Policy", StringComparison.Ordinal));
    }
}
