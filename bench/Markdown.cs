using System.Globalization;
using System.Text;

namespace MucGov.Bench;

/// <summary>The Markdown summary written beside each run's JSON: the latency table, then each scenario's own figures.</summary>
public static class Markdown
{
    public static string Summary(string command, IReadOnlyList<BenchResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# `{command}`").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores.").AppendLine();
        text.AppendLine("| scenario | served | errors | per s | p50 ms | p90 ms | p99 ms | max ms |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Scenario} | {r.Operations} | {r.Errors} | {r.OperationsPerSecond:F0} | {r.P50Ms:F1} | {r.P90Ms:F1} | {r.P99Ms:F1} | {r.MaxMs:F1} |");
        }

        foreach (var r in results.Where(r => r.Figures is { Count: > 0 }))
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"**{r.Scenario}**").AppendLine();
            foreach (var (name, value) in r.Figures!)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {name}: {value}");
            }
        }

        return text.ToString();
    }
}
