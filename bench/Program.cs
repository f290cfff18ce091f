using System.Globalization;
using System.Text.Json;
using MucGov.Bench;
using Spectre.Console;

// ./mucgov bench [--list] [--duration 10] [--warmup 2] [--concurrency 8] [--gateway http://127.0.0.1:5000] [SCENARIO…]
if (args is ["--write-scale-catalog", var catalogFile])
{
    // ./mucgov bench scale writes the generated catalog with this before it imports it into the scale database.
    await MucGov.Bench.Scale.ScaleCatalog.WriteAsync(catalogFile, CancellationToken.None);
    return 0;
}

var names = new List<string>();
var gateway = new Uri("http://127.0.0.1:5000");
double duration = 10, warmup = 2;
var concurrency = 8;
var results = Path.Combine(Repository.Root, "bench", "results");
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--list":
            foreach (var (name, description) in ScenarioRegistry.Names)
            {
                AnsiConsole.MarkupLineInterpolated($"[bold]{name}[/]  {description}");
            }

            return 0;
        case "--duration": duration = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--warmup": warmup = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--concurrency": concurrency = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--gateway": gateway = new Uri(args[++i]); break;
        case "--results": results = args[++i]; break;
        default: names.Add(args[i]); break;
    }
}

var unknown = names.Where(n => ScenarioRegistry.Names.All(s => s.Name != n)).ToList();
if (unknown.Count > 0)
{
    AnsiConsole.MarkupLineInterpolated($"[red]Unknown scenario(s): {string.Join(", ", unknown)}[/] — see ./mucgov bench --list");
    return 2;
}

var selected = names.Count == 0 ? ScenarioRegistry.All : ScenarioRegistry.All.Where(s => names.Contains(s.Name)).ToList();
var selfRunning = names.Count == 0 ? ScenarioRegistry.SelfRunning : ScenarioRegistry.SelfRunning.Where(s => names.Contains(s.Name)).ToList();
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
{
    Timeout = TimeSpan.FromSeconds(30),
};
try
{
    using var probe = await http.GetAsync(new Uri(gateway, "/health/live"));
    probe.EnsureSuccessStatusCode();
}
catch (HttpRequestException ex)
{
    AnsiConsole.MarkupLineInterpolated($"[red]The platform does not answer at {gateway} ({ex.Message}). Start it with ./mucgov up.[/]");
    return 1;
}

var options = new BenchOptions(gateway, TimeSpan.FromSeconds(duration), TimeSpan.FromSeconds(warmup), concurrency, results);
var runner = new Runner(new BenchContext(gateway, http), options);
var figures = new List<BenchResult>();
await AnsiConsole.Progress()
    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
    .StartAsync(async progress =>
    {
        foreach (var scenario in selected)
        {
            var task = progress.AddTask(scenario.Name, maxValue: duration);
            figures.Add(await runner.RunAsync(scenario, task, CancellationToken.None));
        }

        foreach (var scenario in selfRunning)
        {
            figures.AddRange(await scenario.RunAsync(new BenchContext(gateway, http), options, progress, CancellationToken.None));
        }
    });

var table = new Table().AddColumns("scenario", "ops", "errors", "ops/s", "p50 ms", "p90 ms", "p99 ms", "max ms");
foreach (var r in figures)
{
    table.AddRow(r.Scenario, r.Operations.ToString(CultureInfo.InvariantCulture), r.Errors.ToString(CultureInfo.InvariantCulture),
        r.OperationsPerSecond.ToString("F0", CultureInfo.InvariantCulture), F(r.P50Ms), F(r.P90Ms), F(r.P99Ms), F(r.MaxMs));
}

AnsiConsole.Write(table);
foreach (var r in figures.Where(r => r.Figures is { Count: > 0 }))
{
    AnsiConsole.MarkupLineInterpolated($"[bold]{r.Scenario}[/]: {string.Join(", ", r.Figures!.Select(f => $"{f.Key} {f.Value.ToString(CultureInfo.InvariantCulture)}"))}");
}

Directory.CreateDirectory(results);
var file = Path.Combine(results, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}.json");
var summary = new { command = "./mucgov bench " + string.Join(' ', args), concurrency, durationSeconds = duration, results = figures };
await File.WriteAllTextAsync(file, JsonSerializer.Serialize(summary, BenchResult.Json));
await File.WriteAllTextAsync(Path.ChangeExtension(file, ".md"), Markdown.Summary(summary.command, figures));
AnsiConsole.MarkupLineInterpolated($"Results written to [bold]{Path.GetRelativePath(Repository.Root, file)}[/] (and .md)");
return figures.Any(r => r.Errors > 0) ? 1 : 0;

static string F(double value) => value.ToString("F2", CultureInfo.InvariantCulture);
