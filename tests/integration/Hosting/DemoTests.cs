using System.Net.Http.Json;
using MucGov.Demo;
using MucGov.IntegrationTests.Gateway;
using MucGov.IntegrationTests.Identity;
using Xunit;

namespace MucGov.IntegrationTests.Hosting;

/// <summary>What <c>./mucgov demo</c> plays, against a platform started by the test.</summary>
public sealed class DemoTests(WebPlatform web) : IClassFixture<WebPlatform>
{
    private sealed class Recorded : IStoryOutput
    {
        public List<(string Title, string Result)> Steps { get; } = [];

        public async Task StepAsync(string title, Func<Task<string>> action) => Steps.Add((title, await action()));
    }

    [Fact]
    public async Task The_demo_story_plays_from_sign_in_to_the_resolved_case_through_the_gateway()
    {
        var logins = new List<DemoLogin>();
        foreach (var (username, kind) in new[] { (Story.Citizen, "citizen"), (Story.Caseworker, "staff") })
        {
            var secret = await IdentityFixture.TotpSecretAsync(web.Apps["identity"], username);
            logins.Add(new DemoLogin(username, IdentityFixture.PasswordOf(username), kind, username == Story.Citizen ? "Sepp Brandl" : "Maria Schneider", ["buergerbuero"],
                secret));
        }

        var output = new Recorded();

        await new Story(web.Origin, logins, output, new Uri(Environment.GetEnvironmentVariable("MUCGOV_TEST_SMTP_API") + "/")).RunAsync();

        Assert.Equal(26, output.Steps.Count);
        Assert.Contains("Personalausweis", output.Steps.Single(s => s.Title.Contains("Bavarian", StringComparison.Ordinal)).Result, StringComparison.Ordinal);
        Assert.Contains("Bürgerbüro: Griaß Eana!", output.Steps.Single(s => s.Title.Contains("appears in the citizen's chat", StringComparison.Ordinal)).Result,
            StringComparison.Ordinal);
        Assert.Matches(@"^""Antwort zu Ihrem Anliegen M-\d{4}-\d{6}"" from Bürgerbüro, unread$", output.Steps[14].Result);
        Assert.Equal("\"Neue Nachricht in Ihrem Postfach von Bürgerbüro\" to sepp.brandl@example.org", output.Steps[15].Result);
        Assert.Matches(@"^M-\d{4}-\d{6}: resolved – Termin am Dienstag", output.Steps[17].Result);
        Assert.EndsWith("bytes of PDF", output.Steps[^2].Result, StringComparison.Ordinal);
        Assert.StartsWith("genuine: Meldebescheinigung", output.Steps[^1].Result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bulky_waste_pickup_asked_for_in_the_chat_reaches_the_waste_office_as_a_form()
    {
        var emily = await new MucGov.Shared.Clients.HeadlessSignIn(web.Origin).SignInAsync(
            "emily.clarke", IdentityFixture.PasswordOf("emily.clarke"), "openid conversation", null);
        var florian = await new MucGov.Shared.Clients.HeadlessSignIn(web.Origin).SignInAsync(
            "cw.abfall", IdentityFixture.PasswordOf("cw.abfall"), "openid queue", await IdentityFixture.TotpSecretAsync(web.Apps["identity"], "cw.abfall"));
        using var citizen = web.Gateway.CreateClient();
        citizen.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", emily.AccessToken);
        using var caseworker = web.Gateway.CreateClient();
        caseworker.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", florian.AccessToken);
        var chat = (await (await citizen.PostAsync("/api/conversations", null)).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || MucGov.Shared.Calendar.MunichCalendar.IsPublicHoliday(day))
        {
            day = day.AddDays(1);
        }

        var offer = await Conversation.ConversationFixture.SayAsync(citizen, chat, "Ich möchte Sperrmüll anmelden");
        foreach (var (text, action) in new[]
        {
            ("Ja", "procedure:start"), ("Ja", "prefill:yes"), ("+49 89 5550123", null), (day.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture), null),
            ("3", null), ("Ein Sofa und zwei Stühle", null), ("Abschicken", "procedure:submit"),
        })
        {
            await Conversation.ConversationFixture.SayAsync(citizen, chat, text, actionId: action);
        }

        Assert.Contains("Sollen wir anfangen?", Conversation.ConversationFixture.BotReply(offer).GetProperty("text").GetString(), StringComparison.Ordinal);
        var application = await MucGov.Testing.Eventually.ValueAsync(async () =>
        {
            var items = (await caseworker.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/queue")).GetProperty("items").EnumerateArray().ToList();
            return items.Where(i => i.GetProperty("type").GetString() == "application").Select(i => (Guid?)i.GetProperty("id").GetGuid()).FirstOrDefault()?.ToString();
        }, "the application in the waste office's queue", TimeSpan.FromSeconds(60));
        var detail = await caseworker.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/cases/{application}");
        var form = detail.GetProperty("form").EnumerateArray().ToDictionary(f => f.GetProperty("label").GetString()!, f => f.GetProperty("value").GetString()!);
        Assert.Equal("abfall", detail.GetProperty("departmentId").GetString());
        Assert.Equal(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), form["Wunschtermin"]);
        Assert.Equal("3", form["Anzahl Teile"]);
        Assert.Equal("Clarke", form["Familienname"]);
        Assert.Equal("Ein Sofa und zwei Stühle", form["Beschreibung"]);
    }
}
