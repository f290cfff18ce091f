using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MucGov.IntegrationTests.Gateway;
using MucGov.IntegrationTests.Identity;
using MucGov.IntegrationTests.Knowledge;
using MucGov.Shared.Clients.Dialogues;
using MucGov.Testing;
using Xunit;

namespace MucGov.IntegrationTests.Conversation;

/// <summary>
/// The languages the catalog is being translated into (Turkish, Ukrainian, Russian, Arabic): each has its question set
/// (<c>tests/data/questions/LANG.json</c>) and dialogues (<c>tests/data/dialogues/LANG.json</c>), written before its
/// catalog texts. The dialogues are played through the gateway, the questions asked of the knowledge service, and the shares printed for every language; a language whose
/// catalog the editors' report lists as complete must reach 90 % top-1 and 90 % of its dialogue turns.
/// </summary>
public sealed class LanguageSetTests(WebPlatform web) : IClassFixture<WebPlatform>
{
    /// <summary>The languages of the translation work, in the order it is done.</summary>
    public static readonly string[] Languages = ["tr", "uk", "ru", "ar"];

    /// <summary>
    /// The languages whose translation work is done: their catalog is complete (the editors' report lists nothing missing,
    /// which this test checks) and they reach <see cref="Minimum"/>. A language joins once it does; it may never fall below again.
    /// </summary>
    public static readonly string[] Enforced = ["tr", "uk", "ru", "ar"];

    /// <summary>The share each finished language must reach, for questions and dialogue turns alike.</summary>
    private const double Minimum = 0.90;

    private static string Data(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "data", .. parts]);

    [Fact]
    public async Task Every_language_whose_catalog_is_complete_answers_90_percent_of_its_questions_and_dialogue_turns()
    {
        using var gateway = web.Gateway.CreateClient();
        gateway.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await IdentityFixture.CatalogImportTokenAsync(web.Apps["identity"]));
        var report = (await gateway.GetFromJsonAsync<JsonElement>("/api/knowledge/translations")).GetProperty("languages").EnumerateArray()
            .ToDictionary(l => l.GetProperty("language").GetString()!, l => (Entities: l.GetProperty("entities").GetInt32(), Missing: l.GetProperty("missing").GetInt32()));
        var citizen = await new MucGov.Shared.Clients.HeadlessSignIn(web.Origin).SignInAsync(
            "emily.clarke", IdentityFixture.PasswordOf("emily.clarke"), "openid conversation", null);
        using var anonymous = web.Gateway.CreateClient();
        // The questions go to the knowledge service itself (as the search test's do): hundreds of them would meet the gateway's rate limit.
        using var knowledge = web.Apps["knowledge"].CreateClient();
        var sets = DialogueSet.ReadAll(Data("dialogues"));
        var lines = new List<string>();
        var failures = new List<string>();
        foreach (var language in Languages.Where(l => File.Exists(Data("questions", l + ".json"))))
        {
            var (hits, questions, misses) = await QuestionsAsync(knowledge, language);
            var dialogues = sets.Where(s => s.Language == language).ToList();
            var played = await new DialoguePlayer(anonymous, web.Origin, citizen.AccessToken).PlayAsync(dialogues, TestContext.Current.CancellationToken);
            var (entities, missing) = report[language];
            var enforced = Enforced.Contains(language);
            var line = $"{language}: questions {hits}/{questions} ({Share(hits, questions)}), dialogues {played.Turns.Count(t => t.Passed)}/{played.Turns.Count} turns " +
                $"({played.Overall.ToString("P0", CultureInfo.InvariantCulture)}), catalog {entities - missing}/{entities} translated" +
                (enforced ? "" : " (work in progress: not enforced yet)");
            lines.Add(line);
            Assert.True(questions >= 25, $"{language}: only {questions} questions");
            Assert.True(dialogues.Sum(s => s.Dialogues.Count) >= 10, $"{language}: fewer than 10 dialogues");
            if (enforced && (missing > 0 || (double)hits / questions < Minimum || played.Overall < Minimum))
            {
                failures.Add($"{line}\n  question misses: {string.Join("; ", misses.Take(10))}\n  turn misses: " +
                    string.Join("; ", played.Turns.Where(t => !t.Passed).Take(10).Select(t => $"{t.DialogueId} #{t.Turn}: {string.Join(", ", t.Misses)}")));
            }
        }

        await Artifacts.ReportScoreAsync("languages", "languages: " + string.Join("; ", lines));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static async Task<(int Hits, int Questions, List<string> Misses)> QuestionsAsync(HttpClient knowledge, string language)
    {
        using var file = JsonDocument.Parse(await File.ReadAllTextAsync(Data("questions", language + ".json")));
        var questions = file.RootElement.GetProperty("questions").EnumerateArray().ToList();
        var misses = new List<string>();
        foreach (var question in questions)
        {
            var q = question.GetProperty("q").GetString()!;
            var result = await knowledge.GetFromJsonAsync<JsonElement>($"/api/knowledge/search?q={Uri.EscapeDataString(q)}&lang={language}");
            var top = KnowledgeFixture.HitIds(result).FirstOrDefault();
            if (top != question.GetProperty("expected").GetString())
            {
                misses.Add($"{q} → {top ?? "nothing"}");
            }
        }

        return (questions.Count - misses.Count, questions.Count, misses);
    }

    private static string Share(int part, int whole) => (whole == 0 ? 0 : (double)part / whole).ToString("P0", CultureInfo.InvariantCulture);
}
