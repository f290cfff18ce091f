namespace MucGov.Bench;

/// <summary>A measured workload against the running platform. Add new ones to <see cref="ScenarioRegistry.All"/>.</summary>
public interface IScenario
{
    /// <summary>Short id used on the command line (<c>./mucgov bench NAME</c>).</summary>
    string Name { get; }

    /// <summary>What one operation is.</summary>
    string Description { get; }

    /// <summary>Runs once before measuring (sign-ins, test data). Not timed.</summary>
    Task SetUpAsync(BenchContext context, CancellationToken ct) => Task.CompletedTask;

    /// <summary>One operation; the runner times it. Throw to count it as an error.</summary>
    Task RunOnceAsync(BenchContext context, int worker, CancellationToken ct);
}

/// <summary>
/// A scenario that runs its own phases (for example open-loop at several offered rates) instead of the runner's
/// closed loop, and reports one result per phase.
/// </summary>
public interface IRunsItself
{
    string Name { get; }

    string Description { get; }

    Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context, BenchOptions options, Spectre.Console.ProgressContext progress, CancellationToken ct);
}

/// <summary>A scenario with figures of its own besides latency (e.g. accuracy), written with the results.</summary>
public interface IReportsFigures
{
    IDictionary<string, double> Figures { get; }
}

/// <summary>Where the repository is (for data files scenarios read).</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MucGov.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}

/// <summary>What scenarios get: the platform's address and a shared HTTP client.</summary>
public sealed class BenchContext(Uri gateway, HttpClient http)
{
    public Uri Gateway { get; } = gateway;
    public HttpClient Http { get; } = http;
}

/// <summary>The scenario registry.</summary>
public static class ScenarioRegistry
{
    public static readonly IReadOnlyList<IScenario> All =
    [
        new Scenarios.GatewayLive(),
        new Scenarios.ProxyHop(),
        new Scenarios.ServicesHealth(),
        new Scenarios.KnowledgeSearch(),
        new Scenarios.TicketQueue(),
        new Scenarios.DialogueSetScenario(),
    ];

    /// <summary>Scenarios with phases of their own.</summary>
    public static readonly IReadOnlyList<IRunsItself> SelfRunning =
    [
        new Scenarios.KnowledgeSearchRate(),
        new Scenarios.ChatTurn(),
        new Scenarios.Escalation(),
        new Scenarios.Streams(),
        new Scenarios.Scale(),
    ];

    /// <summary>Every scenario's name and description, in the order <c>./mucgov bench</c> runs them.</summary>
    public static IEnumerable<(string Name, string Description)> Names =>
        All.Select(s => (s.Name, s.Description)).Concat(SelfRunning.Select(s => (s.Name, s.Description)));
}
