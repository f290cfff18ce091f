using MucGov.Demo;
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
            var secret = kind == "staff" ? await IdentityFixture.TotpSecretAsync(web.Apps["identity"], username) : null;
            logins.Add(new DemoLogin(username, IdentityFixture.PasswordOf(username), kind, username == Story.Citizen ? "Sepp Brandl" : "Maria Schneider", ["buergerbuero"], secret));
        }

        var output = new Recorded();

        await new Story(web.Origin, logins, output).RunAsync();

        Assert.Equal(24, output.Steps.Count);
        Assert.Contains("Personalausweis", output.Steps.Single(s => s.Title.Contains("Bavarian", StringComparison.Ordinal)).Result, StringComparison.Ordinal);
        Assert.Contains("Bürgerbüro: Griaß Eana!", output.Steps.Single(s => s.Title.Contains("appears in the citizen's chat", StringComparison.Ordinal)).Result, StringComparison.Ordinal);
        Assert.Matches(@"^M-\d{4}-\d{6}: resolved – Termin am Dienstag", output.Steps[15].Result);
        Assert.EndsWith("bytes of PDF", output.Steps[^2].Result, StringComparison.Ordinal);
        Assert.StartsWith("genuine: Meldebescheinigung", output.Steps[^1].Result, StringComparison.Ordinal);
    }
}
