using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MucGov.IntegrationTests.Identity;
using MucGov.Shared.Auth;
using MucGov.Shared.Clients;
using MucGov.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace MucGov.IntegrationTests.Gateway;

/// <summary>
/// BITV 2.0 (WCAG 2.1 A and AA) in a real browser: axe-core on every page and state, the citizen's and the caseworker's
/// stories with the keyboard alone, the chat on a phone, at 200 % zoom and with reduced motion.
/// </summary>
public sealed partial class WebPagesTests
{
    private static readonly string[] Wcag21AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>Where a walk of the pages is: the citizen's and the caseworker's browser pages and what they have done so far.</summary>
    private sealed class Walk(IPage citizen, IPage caseworker, IPage supervisor, IPage newcomer, WebPlatform web)
    {
        public IPage Citizen { get; } = citizen;
        public IPage Caseworker { get; } = caseworker;
        public IPage Supervisor { get; } = supervisor;
        public IPage Newcomer { get; } = newcomer;
        public WebPlatform Web { get; } = web;
        public string? Reference { get; set; }
        public (Guid Id, string Username, string Email, string Totp) NewStaff { get; set; }
    }

    /// <summary>A page in one state, and how the walk gets there from the state before.</summary>
    private sealed record PageState(string Name, Func<Walk, Task<IPage>> Reach);

    /// <summary>
    /// The one list of pages and states the accessibility test walks, in order; a page or state a later change adds
    /// belongs here.
    /// </summary>
    private static readonly PageState[] PageStates =
    [
        new("chat, anonymous", async w =>
        {
            await w.Citizen.GotoAsync(w.Web.Origin.ToString());
            await Expect(w.Citizen.Locator("#start")).ToBeVisibleAsync();
            return w.Citizen;
        }),
        new("chat, an answer with lists and facts", async w =>
        {
            await w.Citizen.Locator("#start").ClickAsync();
            await w.Citizen.Locator("#text").FillAsync("Wo beantrage ich einen neuen Personalausweis?");
            await w.Citizen.Locator("#text").PressAsync("Enter");
            await Expect(w.Citizen.Locator("#messages li.bot").Nth(1).Locator("section.blocks")).ToBeVisibleAsync();
            return w.Citizen;
        }),
        new("chat, Arabic (right to left)", async w =>
        {
            await w.Citizen.Locator("#lang").SelectOptionAsync("ar");
            await Expect(w.Citizen.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
            return w.Citizen;
        }),
        new("Bürgerkonto, sign-in", async w =>
        {
            await w.Citizen.Locator("#lang").SelectOptionAsync("de");
            await w.Citizen.Locator("#login").ClickAsync();
            await Expect(w.Citizen.Locator("#username")).ToBeVisibleAsync();
            return w.Citizen;
        }),
        new("Bürgerkonto, sign-in refused", async w =>
        {
            await w.Citizen.Locator("#username").FillAsync("sepp.brandl");
            await w.Citizen.Locator("#password").FillAsync("falsch-falsch-falsch");
            await w.Citizen.Locator("button[type=submit]").ClickAsync();
            await Expect(w.Citizen.Locator("#login-error")).ToBeVisibleAsync();
            return w.Citizen;
        }),
        new("Bürgerkonto, registration", async w =>
        {
            await w.Citizen.GotoAsync(new Uri(w.Web.Origin, "account/register").ToString());
            return w.Citizen;
        }),
        new("Bürgerkonto, forgotten password", async w =>
        {
            await w.Citizen.GotoAsync(new Uri(w.Web.Origin, "account/forgot-password").ToString());
            return w.Citizen;
        }),
        new("chat, signed in with my cases and Postfach", async w =>
        {
            await w.Citizen.GotoAsync(w.Web.Origin.ToString());
            await w.Citizen.Locator("#login").ClickAsync();
            await SignInAsync(w.Citizen, "sepp.brandl");
            await Expect(w.Citizen.Locator("#cases")).ToBeVisibleAsync();
            return w.Citizen;
        }),
        new("chat, consent dialog", async w =>
        {
            if (await w.Citizen.Locator("#start").IsVisibleAsync())
            {
                await w.Citizen.Locator("#start").ClickAsync();
            }

            await w.Citizen.Locator("#text").FillAsync("Ich möchte mit einem Mitarbeiter sprechen");
            await w.Citizen.Locator("#text").PressAsync("Enter");
            await Expect(w.Citizen.Locator("#consent")).ToBeVisibleAsync();
            return w.Citizen;
        }),
        new("chat, case opened, my cases with its messages", async w =>
        {
            await w.Citizen.Locator("#consent-actions button").First.ClickAsync();
            var notice = w.Citizen.Locator("#messages li.system").Filter(new LocatorFilterOptions { HasTextRegex = ReferencePattern() });
            await Expect(notice.First).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 60_000 });
            w.Reference = ReferencePattern().Match(await notice.First.InnerTextAsync()).Value;
            var row = w.Citizen.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = w.Reference });
            await Expect(row).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 60_000 });
            await row.ClickAsync();
            await Expect(w.Citizen.Locator("#case-detail")).ToContainTextAsync(w.Reference);
            return w.Citizen;
        }),
        new("Bürgerkonto, account", async w =>
        {
            await w.Citizen.GotoAsync(new Uri(w.Web.Origin, "account").ToString());
            return w.Citizen;
        }),
        new("Bürgerkonto, Postfach", async w =>
        {
            await w.Citizen.GotoAsync(new Uri(w.Web.Origin, "account/postfach").ToString());
            return w.Citizen;
        }),
        new("Bürgerkonto, identity check with the eID", async w =>
        {
            await w.Citizen.GotoAsync(new Uri(w.Web.Origin, "account/verify-eid").ToString());
            return w.Citizen;
        }),
        new("Bürgerkonto, a mail's confirmation link that is not valid", async w =>
        {
            await w.Citizen.GotoAsync(new Uri(w.Web.Origin, $"account/confirm-email?userId={Guid.NewGuid()}&code=abc").ToString());
            return w.Citizen;
        }),
        new("Bürgerkonto, new password from a link that is not valid", async w =>
        {
            await w.Citizen.GotoAsync(new Uri(w.Web.Origin, "account/reset-password?token=abc").ToString());
            return w.Citizen;
        }),
        new("Bürgerkonto, unsubscribing with a link that is not valid", async w =>
        {
            await w.Citizen.GotoAsync(new Uri(w.Web.Origin, "account/unsubscribe?token=abc").ToString());
            return w.Citizen;
        }),
        new("Bürgerkonto, staff second factor", async w =>
        {
            await w.Caseworker.GotoAsync(new Uri(w.Web.Origin, "console").ToString());
            await SignInAsync(w.Caseworker, "cw.buergerbuero");
            await Expect(w.Caseworker.Locator("#code")).ToBeVisibleAsync();
            return w.Caseworker;
        }),
        new("console, queue", async w =>
        {
            await SecondFactorAsync(w.Caseworker, (await IdentityFixture.TotpSecretAsync(w.Web.Apps["identity"], "cw.buergerbuero"))!);
            await Expect(w.Caseworker.Locator("#queue")).ToContainTextAsync(w.Reference!);
            await Expect(w.Caseworker.Locator("#live-state")).ToHaveClassAsync(new Regex("live"));
            return w.Caseworker;
        }),
        new("console, a case claimed and answered", async w =>
        {
            await w.Caseworker.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = w.Reference! }).ClickAsync();
            await w.Caseworker.Locator("#claim").ClickAsync();
            await w.Caseworker.Locator("#reply-text").FillAsync("Wir melden uns morgen bei Ihnen.");
            await w.Caseworker.Locator("#reply button[type=submit]").ClickAsync();
            await Expect(w.Caseworker.Locator("#case-messages")).ToContainTextAsync("Wir melden uns morgen");
            return w.Caseworker;
        }),
        new("accessibility statement", async w =>
        {
            await w.Citizen.GotoAsync(new Uri(w.Web.Origin, "barrierefreiheit").ToString());
            return w.Citizen;
        }),
        new("the chat in Leichte Sprache", async w =>
        {
            await w.Citizen.GotoAsync(new Uri(w.Web.Origin, "leichte-sprache").ToString());
            return w.Citizen;
        }),
        new("Bürgerkonto, staff administration", async w =>
        {
            w.NewStaff = await IdentityFixture.NewStaffAsync(w.Web.Apps["identity"], "buergerbuero", StaffRoles.Caseworker);
            await w.Supervisor.GotoAsync(new Uri(w.Web.Origin, "account/staff").ToString());
            await SignInAsync(w.Supervisor, "sv.buergerbuero", await IdentityFixture.TotpSecretAsync(w.Web.Apps["identity"], "sv.buergerbuero"));
            await Expect(w.Supervisor.Locator("#reset-authenticator")).ToBeVisibleAsync();
            return w.Supervisor;
        }),
        new("Bürgerkonto, staff administration after a reset", async w =>
        {
            await w.Supervisor.Locator("#target").SelectOptionAsync(w.NewStaff.Id.ToString());
            await w.Supervisor.Locator("#reason").FillAsync("Handy verloren");
            await w.Supervisor.Locator("#reset-authenticator button[type=submit]").ClickAsync();
            await Expect(w.Supervisor.Locator("#staff-done")).ToBeVisibleAsync();
            await Expect(w.Supervisor.Locator("#staff-audit")).ToContainTextAsync("Handy verloren");
            return w.Supervisor;
        }),
        new("Bürgerkonto, setting up a new authenticator", async w =>
        {
            await w.Newcomer.GotoAsync(new Uri(w.Web.Origin, "console").ToString());
            await SignInAsync(w.Newcomer, w.NewStaff.Username, password: IdentityFixture.StaffPassword);
            await Expect(w.Newcomer).ToHaveURLAsync(new Regex("/account/setup-authenticator"));
            await Expect(w.Newcomer.Locator("#authenticator-key")).ToBeVisibleAsync();
            return w.Newcomer;
        }),
    ];

    /// <summary>A page in a context of its own (own cookies and storage), German, of the given size; downloads are accepted.</summary>
    private static async Task<IPage> PageAsync(IBrowser browser, int width, int height, ReducedMotion? motion = null) =>
        await (await browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "de-DE", AcceptDownloads = true, ViewportSize = new ViewportSize { Width = width, Height = height },
            ReducedMotion = motion ?? ReducedMotion.NoPreference,
        })).NewPageAsync();

    [Fact]
    public async Task Every_page_and_state_has_no_wcag_2_1_aa_violations()
    {
        var browser = await platform.BrowserAsync();
        var walk = new Walk(
            await PageAsync(browser, 1100, 900), await PageAsync(browser, 1280, 900), await PageAsync(browser, 1280, 900), await PageAsync(browser, 1280, 900), Web);
        var found = new List<string>();
        foreach (var state in PageStates)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var page = await state.Reach(walk);
            var reached = clock.ElapsedMilliseconds;
            var violations = await Axe.ViolationsAsync(page, Wcag21AA);
            TestContext.Current.TestOutputHelper?.WriteLine($"{state.Name}: reached in {reached} ms, checked in {clock.ElapsedMilliseconds - reached} ms");
            found.AddRange(violations.Select(v => $"{state.Name}: {v.Id} ({v.Impact}) {v.Help} at {string.Join(", ", v.Elements)}"));
        }

        Assert.True(found.Count == 0, "axe found:\n" + string.Join("\n", found));
        Assert.NotNull(walk.Reference);
    }

    [Fact]
    public async Task The_accessibility_check_finds_a_missing_text_alternative_and_too_little_contrast()
    {
        var page = await PageAsync(await platform.BrowserAsync(), 800, 600);
        await page.SetContentAsync("""
            <!doctype html><html lang="de"><head><title>Probe</title></head><body><main><h1>Probe</h1>
            <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="20" height="20">
            <p style="color:#bbb;background:#fff">Kaum zu lesen</p></main></body></html>
            """);

        var violations = await Axe.ViolationsAsync(page, Wcag21AA);

        Assert.Equal(["color-contrast", "image-alt"], violations.Select(v => v.Id).Order());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Citizen_signs_in_asks_and_consents_and_caseworker_claims_and_replies_with_the_keyboard_alone()
    {
        var browser = await platform.BrowserAsync();
        var citizen = await PageAsync(browser, 1100, 900);
        var keys = new KeyboardWalk(citizen);

        // The citizen: the first Tab reaches the skip link; sign-in, question and consent without a mouse.
        await citizen.GotoAsync(Web.Origin.ToString());
        await keys.TabToAsync("a.skip");
        await keys.TabToAsync("#login");
        await citizen.Keyboard.PressAsync("Enter");
        await keys.TabToAsync("#username");
        await citizen.Keyboard.TypeAsync("sepp.brandl");
        await keys.TabToAsync("#password");
        await citizen.Keyboard.TypeAsync(IdentityFixture.PasswordOf("sepp.brandl"));
        await citizen.Keyboard.PressAsync("Enter");
        await Expect(citizen.Locator("#who")).ToContainTextAsync("Sepp");
        await keys.TabToAsync("#start");
        await citizen.Keyboard.PressAsync("Enter");
        await Expect(citizen.Locator("#text")).ToBeFocusedAsync();
        await citizen.Keyboard.TypeAsync("Wo beantrage ich einen Reisepass?");
        await citizen.Keyboard.PressAsync("Enter");
        await Expect(citizen.Locator("#messages li.bot")).ToHaveCountAsync(2);
        await citizen.Keyboard.TypeAsync("Ich möchte mit einem Mitarbeiter sprechen");
        await citizen.Keyboard.PressAsync("Enter");
        await Expect(citizen.Locator("#consent")).ToBeVisibleAsync();
        // The dialog takes the focus; its first button is the consent.
        await Expect(citizen.Locator("#consent-actions button").First).ToBeFocusedAsync();
        await citizen.Keyboard.PressAsync("Enter");
        var notice = citizen.Locator("#messages li.system").Filter(new LocatorFilterOptions { HasTextRegex = ReferencePattern() });
        await Expect(notice).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 60_000 });
        var reference = ReferencePattern().Match(await notice.InnerTextAsync()).Value;

        // The caseworker: sign-in with the second factor, the case from the queue, claim and reply.
        var caseworker = await PageAsync(browser, 1280, 900);
        var staff = new KeyboardWalk(caseworker);
        await caseworker.GotoAsync(new Uri(Web.Origin, "console").ToString());
        await staff.TabToAsync("#username");
        await caseworker.Keyboard.TypeAsync("cw.buergerbuero2");
        await staff.TabToAsync("#password");
        await caseworker.Keyboard.TypeAsync(IdentityFixture.PasswordOf("cw.buergerbuero2"));
        await caseworker.Keyboard.PressAsync("Enter");
        await staff.TabToAsync("#code");
        await caseworker.Keyboard.TypeAsync(await Totp.NextCodeAsync((await IdentityFixture.TotpSecretAsync(Web.Apps["identity"], "cw.buergerbuero2"))!));
        await caseworker.Keyboard.PressAsync("Enter");
        await Expect(caseworker.Locator("#queue")).ToContainTextAsync(reference, new LocatorAssertionsToContainTextOptions { Timeout = 60_000 });
        await staff.TabToAsync($"#queue button:text-is('{reference}')");
        await caseworker.Keyboard.PressAsync("Enter");
        await Expect(caseworker.Locator("#case-title")).ToBeFocusedAsync();
        await staff.TabToAsync("#claim");
        await caseworker.Keyboard.PressAsync("Enter");
        await Expect(caseworker.Locator("#case-meta")).ToContainTextAsync("Mehmet Demir");
        await staff.TabToAsync("#reply-text");
        await caseworker.Keyboard.TypeAsync("Bitte bringen Sie Ihren alten Pass mit.");
        await staff.TabToAsync("#reply button[type=submit]");
        await caseworker.Keyboard.PressAsync("Enter");
        await Expect(caseworker.Locator("#case-messages")).ToContainTextAsync("Bitte bringen Sie Ihren alten Pass mit.");
        await Expect(citizen.Locator("#messages li.caseworker")).ToContainTextAsync("Bitte bringen Sie Ihren alten Pass mit.",
            new LocatorAssertionsToContainTextOptions { Timeout = 60_000 });

        // Every stop on the way showed where the focus was.
        Assert.Empty(keys.Invisible.Concat(staff.Invisible));
    }

    [Fact]
    public async Task The_chat_fits_a_phone_and_200_percent_zoom_without_sideways_scrolling_and_keeps_still_with_reduced_motion()
    {
        var browser = await platform.BrowserAsync();
        // 360×740 is a common phone; 320 CSS px is WCAG 1.4.10's reflow width; 640×450 is a 1280×900 window at 200 % zoom.
        foreach (var (width, height, name) in new[] { (360, 740, "chat-phone"), (320, 640, "chat-320"), (640, 450, "chat-zoom-200") })
        {
            var page = await PageAsync(browser, width, height, ReducedMotion.Reduce);
            await page.GotoAsync(Web.Origin.ToString());
            await page.Locator("#start").ClickAsync();
            await page.Locator("#text").FillAsync("Was kostet ein Reisepass?");
            await page.Locator("#text").PressAsync("Enter");
            await Expect(page.Locator("#messages li.bot").Nth(1).Locator("section.blocks")).ToBeVisibleAsync();
            await ScreenshotAsync(page, name);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{name}: the page scrolls sideways by {overflow} px");
            // Nothing is cut off: the question field and the send button stay inside the viewport.
            foreach (var selector in new[] { "#text", "#send button[type=submit]", "#lang" })
            {
                var box = (await page.Locator(selector).BoundingBoxAsync())!;
                Assert.True(box.X >= 0 && box.X + box.Width <= width + 0.5, $"{name}: {selector} leaves the screen ({box.X}, {box.Width})");
            }

            var moving = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('*')].filter(e => { const s = getComputedStyle(e);
                  return s.animationName !== 'none' || parseFloat(s.transitionDuration) > 0 || s.scrollBehavior === 'smooth'; }).map(e => e.tagName + '#' + e.id)
                """);
            Assert.Empty(moving);
            await page.Context.CloseAsync();
        }

        // The console on a desktop screen, for the documentation.
        var console = await PageAsync(browser, 1280, 800);
        await console.GotoAsync(new Uri(Web.Origin, "console").ToString());
        await SignInAsync(console, "sv.buergerbuero", await IdentityFixture.TotpSecretAsync(Web.Apps["identity"], "sv.buergerbuero"));
        await Expect(console.Locator("#live-state")).ToHaveClassAsync(new Regex("live"));
        var overflowing = await console.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflowing <= 0, $"the console scrolls sideways by {overflowing} px at 1280×800");
        await console.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactFolder, "console-desktop.png") });
    }

    [Fact]
    public async Task Chat_page_has_landmarks_labels_and_announces_new_messages_in_a_live_region()
    {
        var browser = await platform.BrowserAsync();
        var page = await PageAsync(browser, 1100, 900);
        await page.GotoAsync(Web.Origin.ToString());

        await Expect(page.GetByRole(AriaRole.Banner)).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Main)).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Contentinfo)).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Barrierefreiheit" })).ToHaveAttributeAsync("href", "/barrierefreiheit");
        await Expect(page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Leichte Sprache" })).ToHaveAttributeAsync("href", "/leichte-sprache");
        await Expect(page.Locator("#messages")).ToHaveAttributeAsync("aria-live", "polite");
        await page.Locator("#start").ClickAsync();
        await Expect(page.GetByLabel("Ihre Nachricht")).ToBeFocusedAsync();

        // The statement names the feedback channel; the Leichte Sprache page explains the chat in short sentences.
        await page.GotoAsync(new Uri(Web.Origin, "barrierefreiheit").ToString());
        await Expect(page.Locator("#feedback ~ ul a[href^='mailto:']")).ToHaveCountAsync(1);
        await page.GotoAsync(new Uri(Web.Origin, "leichte-sprache").ToString());
        var sentences = await page.Locator("main p, main li").AllInnerTextsAsync();
        Assert.All(sentences, s => Assert.True(s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 15, $"not a short sentence: {s}"));
    }

    /// <summary>Moves the focus with Tab alone, noting every stop whose focus cannot be seen.</summary>
    private sealed class KeyboardWalk(IPage page)
    {
        public List<string> Invisible { get; } = [];

        public async Task TabToAsync(string selector, int most = 80)
        {
            var target = page.Locator(selector);
            await Expect(target).ToBeVisibleAsync();
            for (var i = 0; i < most; i++)
            {
                await page.Keyboard.PressAsync("Tab");
                var focus = await page.EvaluateAsync<string?>("""
                    () => { const e = document.activeElement; if (!e || e === document.body) return null; const s = getComputedStyle(e);
                      return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 ? '' : e.tagName + '#' + e.id; }
                    """);
                if (!string.IsNullOrEmpty(focus))
                {
                    Invisible.Add(focus);
                }

                if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
                {
                    return;
                }
            }

            Assert.Fail($"{selector} was not reached with {most} presses of Tab");
        }
    }
}
