using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace MucGov.IntegrationTests.Gateway;

/// <summary>
/// axe-core (the script the Deque package ships) run in the page itself with <c>axe.run</c>. The package's own runner
/// finishes every check in a fresh blank page, which costs seconds per state; our pages have no frames, so the page's
/// own run gives the same rules' results. Injected through the browser's protocol, so the pages' CSP stays as it is.
/// </summary>
internal static class Axe
{
    private static readonly Lazy<string> Source = new(() =>
    {
        using var script = typeof(AxeResult).Assembly.GetManifestResourceStream("Deque.AxeCore.Commons.Resources.axe.min.js")
            ?? throw new InvalidOperationException("axe-core's script is not in the Deque package");
        using var reader = new StreamReader(script);
        return reader.ReadToEnd();
    });

    /// <summary>One rule broken, with up to three of the elements that break it.</summary>
    public sealed record Violation(string Id, string? Impact, string Help, IReadOnlyList<string> Elements);

    /// <summary>The violations of the rules with any of <paramref name="tags"/> on the page as it is now.</summary>
    public static async Task<IReadOnlyList<Violation>> ViolationsAsync(IPage page, IReadOnlyList<string> tags)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(Source.Value);
        }

        var found = await page.EvaluateAsync<JsonElement>(
            "tags => axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }).then(r => r.violations)", tags);
        return [.. found.EnumerateArray().Select(v => new Violation(
            v.GetProperty("id").GetString()!,
            v.GetProperty("impact").ValueKind == JsonValueKind.String ? v.GetProperty("impact").GetString() : null,
            v.GetProperty("help").GetString()!,
            [.. v.GetProperty("nodes").EnumerateArray().Take(3).Select(n => $"{n.GetProperty("target")} {n.GetProperty("html").GetString()}")]))];
    }
}
