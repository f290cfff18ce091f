using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MucGov.IntegrationTests.Hosting;
using MucGov.IntegrationTests.Identity;
using MucGov.Shared.Clients;
using MucGov.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace MucGov.IntegrationTests.Gateway;

/// <summary>
/// A shared platform for the browser tests (its own, so no other test's cases show in the queue), and one Chromium for
/// all of them: each test works in contexts of its own (own cookies and storage), as separate people would.
/// </summary>
public sealed class BrowserPlatform : IAsyncLifetime
{
    private readonly SemaphoreSlim launching = new(1, 1);
    private IPlaywright? playwright;
    private IBrowser? browser;

    public WebPlatform Web { get; } = new();

    public ValueTask InitializeAsync()
    {
        // A page waits for what the platform may take: a bot answer waits up to KnowledgePatience (10 s) for knowledge.
        SetDefaultExpectTimeout(20_000);
        return Web.InitializeAsync();
    }

    /// <summary>Debian's chromium, headless, launched for the first test that asks.</summary>
    public async Task<IBrowser> BrowserAsync()
    {
        await launching.WaitAsync();
        try
        {
            playwright ??= await Playwright.CreateAsync();
            return browser ??= await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = WebPagesTests.Chromium, Headless = true, Args = ["--no-sandbox"],
            });
        }
        finally
        {
            launching.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        launching.Dispose();
        await Web.DisposeAsync();
    }
}

/// <summary>The two web pages in a real browser: Debian's chromium, headless, driven by Playwright (never a downloaded browser).</summary>
public sealed partial class WebPagesTests(BrowserPlatform platform) : IClassFixture<BrowserPlatform>
{
    internal static readonly string Chromium = Environment.GetEnvironmentVariable("MUCGOV_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static readonly string ArtifactFolder = Artifacts.Folder ?? Path.Combine(AppContext.BaseDirectory, "artifacts");

    private WebPlatform Web => platform.Web;

    private static async Task SignInAsync(IPage page, string username, string? totpSecret = null, string? password = null)
    {
        await page.Locator("#username").FillAsync(username);
        await page.Locator("#password").FillAsync(password ?? IdentityFixture.PasswordOf(username));
        await page.Locator("button[type=submit]").ClickAsync();
        if (totpSecret is not null)
        {
            await SecondFactorAsync(page, totpSecret);
        }
    }

    /// <summary>Answers the Bürgerkonto's second-factor page with the authenticator's next code.</summary>
    private static async Task SecondFactorAsync(IPage page, string totpSecret)
    {
        await page.Locator("#code").FillAsync(await Totp.NextCodeAsync(totpSecret));
        await page.Locator("button[type=submit]").ClickAsync();
    }

    /// <summary>Opens the chat page and signs in there with the Bürgerkonto, until the page greets the citizen by name.</summary>
    private async Task SignInToChatAsync(IPage page, string username, string givenName)
    {
        await page.GotoAsync(Web.Origin.ToString());
        await page.Locator("#login").ClickAsync();
        await SignInAsync(page, username);
        await Expect(page.Locator("#who")).ToContainTextAsync(givenName);
    }

    private static Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ArtifactFolder);
        return page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactFolder, name + ".png"), FullPage = true });
    }

    [Fact]
    public async Task Citizen_consents_the_case_appears_live_in_the_open_console_caseworker_answers_with_a_template_and_the_reply_appears_live_in_the_chat()
    {
        Assert.True(File.Exists(Chromium), $"Chromium is expected at {Chromium} (./mucgov test installs Debian's package).");
        var browser = await platform.BrowserAsync();
        var citizen = await PageAsync(browser, 1100, 900);
        var caseworker = await PageAsync(browser, 1280, 1000);

        // The department's supervisor keeps a template; the caseworker has the console open before the case exists.
        var supervisor = await IdentityFixture.AccessTokenAsync(Web.Apps["identity"], "sv.buergerbuero", "openid queue");
        using (var ticket = Web.Apps["ticket"].CreateClient())
        {
            ticket.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", supervisor);
            var created = await ticket.PostAsJsonAsync("/api/departments/buergerbuero/templates", new
            {
                name = "Passbild mitbringen", texts = new Dictionary<string, string> { ["de"] = "Griaß Eana {name}! Bringa S' bittschön a biometrisches Passbuid mit." },
            });
            Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        }

        await caseworker.GotoAsync(new Uri(Web.Origin, "console").ToString());
        await SignInAsync(caseworker, "cw.buergerbuero", await IdentityFixture.TotpSecretAsync(Web.Apps["identity"], "cw.buergerbuero"));
        await Expect(caseworker.Locator("#live-state")).ToHaveTextAsync("aktualisiert sich selbst");

        // The citizen signs in with the Bürgerkonto, asks in Bavarian, asks for a person and consents in the dialog.
        await SignInToChatAsync(citizen, "sepp.brandl", "Sepp");
        await citizen.Locator("#start").ClickAsync();
        await citizen.Locator("#text").FillAsync("Servus, wo kriag i an neia Personalausweis?");
        await citizen.Locator("#text").PressAsync("Enter");
        await Expect(citizen.Locator("#messages li.bot").Nth(1)).ToContainTextAsync("Mitbringa muast");
        // The answer's blocks: the documents to bring as a real list inside the answer's message element.
        await Expect(citizen.Locator("#messages li.bot").Nth(1).Locator("section.blocks ul li").First).ToBeVisibleAsync();
        await citizen.Locator("#text").FillAsync("I mog mit am Mitarbeiter redn");
        await citizen.Locator("#text").PressAsync("Enter");
        await Expect(citizen.Locator("#consent")).ToBeVisibleAsync();
        await ScreenshotAsync(citizen, "chat-consent");
        await citizen.Locator("#consent-actions button").First.ClickAsync();
        var notice = citizen.Locator("#messages li.system").Filter(new LocatorFilterOptions { HasTextRegex = ReferencePattern() });
        await Expect(notice).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 60_000 });
        var reference = ReferencePattern().Match(await notice.InnerTextAsync()).Value;

        // The case appears in the open console without a reload, with the citizen's name, the department's name and the time left,
        // and is announced in the live region. The caseworker opens it, claims it with the shortcut and answers with the template.
        var row = caseworker.Locator("#queue tr").Filter(new LocatorFilterOptions { HasText = reference });
        await Expect(row).ToContainTextAsync("Sepp Brandl", new LocatorAssertionsToContainTextOptions { Timeout = 60_000 });
        await Expect(row).ToContainTextAsync("Bürgerbüro");
        await Expect(row).ToContainTextAsync("noch");
        await Expect(caseworker.Locator("#live")).ToContainTextAsync(reference);
        await caseworker.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = reference }).ClickAsync();
        await Expect(caseworker.Locator("#transcript")).ToContainTextAsync("I mog mit am Mitarbeiter redn");
        await Expect(caseworker.Locator("#snapshot")).ToContainTextAsync("Nachname");
        await Expect(caseworker.Locator("#snapshot")).ToContainTextAsync("Brandl");
        await caseworker.Keyboard.PressAsync("Alt+Shift+KeyC");
        await Expect(caseworker.Locator("#case-meta")).ToContainTextAsync("Maria Schneider");
        await caseworker.Locator("#template").SelectOptionAsync(new SelectOptionValue { Label = "Passbild mitbringen (Deutsch)" });
        await caseworker.Locator("#use-template").ClickAsync();
        await Expect(caseworker.Locator("#reply-text")).ToHaveValueAsync("Griaß Eana Sepp Brandl! Bringa S' bittschön a biometrisches Passbuid mit.");
        await caseworker.Locator("#reply-text").PressSequentiallyAsync(" <b>Servus</b>");
        await caseworker.Locator("#reply button[type=submit]").ClickAsync();
        await Expect(caseworker.Locator("#case-messages")).ToContainTextAsync("Griaß Eana Sepp Brandl");
        await ScreenshotAsync(caseworker, "console");

        // The reply reaches the citizen's open page over the live stream, shown as text (the markup stays visible).
        var reply = citizen.Locator("#messages li.caseworker");
        await Expect(reply).ToContainTextAsync("Bürgerbüro: Griaß Eana Sepp Brandl!", new LocatorAssertionsToContainTextOptions { Timeout = 60_000 });
        await Expect(reply).ToContainTextAsync("<b>Servus</b>");
        Assert.Equal(0, await citizen.Locator("#messages b").CountAsync());
        await ScreenshotAsync(citizen, "chat");

        // The same answer sits in the Bürgerkonto's Postfach under "my cases", unread until opened.
        var letter = citizen.Locator("#postfach-list li.unread").Filter(new LocatorFilterOptions { HasText = $"Antwort zu Ihrem Anliegen {reference}" });
        await Expect(letter).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 60_000 });
        await letter.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(citizen.Locator("#postfach-detail")).ToContainTextAsync("Griaß Eana Sepp Brandl!");
        await Expect(citizen.Locator("#postfach-list li.read").Filter(new LocatorFilterOptions { HasText = reference })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task The_arabic_chat_page_reads_right_to_left_mirrors_its_layout_and_its_chat_speaks_arabic()
    {
        var browser = await platform.BrowserAsync();
        var page = await PageAsync(browser, 1100, 900);

        // The picker names every language in itself; Arabic turns the page right to left.
        await page.GotoAsync(Web.Origin.ToString());
        Assert.Contains("العربية", await page.Locator("#lang option").AllTextContentsAsync());
        await page.Locator("#lang").SelectOptionAsync("ar");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Expect(page.Locator("#start")).ToHaveTextAsync("ابدأ المحادثة");

        // The chat starts in Arabic; mirrored, the citizen's own messages sit on the left (in German and English on the right).
        await page.Locator("#start").ClickAsync();
        await Expect(page.Locator("#messages li.bot").First).ToContainTextAsync("مرحبًا");
        await page.Locator("#text").FillAsync("مرحبا، أين يمكنني الحصول على جواز سفر جديد؟");
        await page.Locator("#send button[type=submit]").ClickAsync();
        await Expect(page.Locator("#messages li.bot")).ToHaveCountAsync(2, new LocatorAssertionsToHaveCountOptions { Timeout = 30_000 });
        var mine = (await page.Locator("#messages li.citizen").First.BoundingBoxAsync())!;
        var log = (await page.Locator("#messages").BoundingBoxAsync())!;
        Assert.True(Math.Abs(mine.X - log.X) < 2, $"the citizen's message starts at the left edge ({mine.X} vs {log.X})");
        Assert.True(log.X + log.Width - (mine.X + mine.Width) > 20, "and leaves room on the right");
        await ScreenshotAsync(page, "chat-ar");
    }

    [GeneratedRegex(@"M-\d{4}-\d{6}")]
    private static partial Regex ReferencePattern();
}
