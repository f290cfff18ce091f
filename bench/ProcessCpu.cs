using System.Globalization;

namespace MucGov.Bench;

/// <summary>
/// CPU time of the platform's processes from <c>/proc</c>: every <c>dotnet</c> app (by its assembly), every
/// PostgreSQL process (backends by their database user, the rest as "postgres (background)"), RabbitMQ's
/// <c>beam.smp</c>, and this load generator itself. Pollers and background jobs count: they run on the same cores.
/// </summary>
public static class ProcessCpu
{
    /// <summary>Clock ticks per second of <c>/proc/[pid]/stat</c> (USER_HZ; 100 on Linux).</summary>
    private const double TicksPerSecond = 100;

    /// <summary>CPU ticks (user + system) per process id, with the group it counts to.</summary>
    public static Dictionary<int, (string Group, long Ticks)> Snapshot()
    {
        var snapshot = new Dictionary<int, (string, long)>();
        foreach (var (pid, group, stat) in Processes())
        {
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // Fields after the name: state is [0]; utime is field 14 of the whole line, [11] here; stime [12].
            snapshot[pid] = (group, long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
        }

        return snapshot;
    }

    /// <summary>Resident memory (<c>VmRSS</c>) per group, in bytes.</summary>
    public static SortedDictionary<string, long> ResidentBytes()
    {
        var resident = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (pid, group, _) in Processes())
        {
            try
            {
                var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
                var kilobytes = line is null ? 0 : long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                resident[group] = resident.GetValueOrDefault(group) + kilobytes * 1024;
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }

        return resident;
    }

    /// <summary>The platform's processes (and this load generator): id, group and the <c>stat</c> line.</summary>
    private static IEnumerable<(int Pid, string Group, string Stat)> Processes()
    {
        if (!Directory.Exists("/proc"))
        {
            yield break;
        }

        var self = Environment.ProcessId;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            string stat, cmdline;
            try
            {
                stat = File.ReadAllText(Path.Combine(dir, "stat"));
                cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The process ended while being read.
                continue;
            }

            var comm = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
            if ((pid == self ? "load generator" : GroupOf(comm, cmdline)) is { } group)
            {
                yield return (pid, group, stat);
            }
        }
    }

    /// <summary>Milliseconds of CPU per group between two snapshots (a process that started in between counts from zero).</summary>
    public static SortedDictionary<string, double> Between(Dictionary<int, (string Group, long Ticks)> before, Dictionary<int, (string Group, long Ticks)> after)
    {
        var used = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (pid, (group, ticks)) in after)
        {
            var earlier = before.TryGetValue(pid, out var b) && b.Group == group ? b.Ticks : 0;
            used[group] = used.GetValueOrDefault(group) + (ticks - earlier) * 1000.0 / TicksPerSecond;
        }

        return used;
    }

    /// <summary>
    /// The figures <c>cpuMsPer{Operation}:GROUP</c> — each group's CPU milliseconds divided by the operations — and
    /// <c>cpuMsPer{Operation}:platform</c>, their sum without the load generator.
    /// </summary>
    public static void AddPerOperation(IDictionary<string, double> figures, string operation, SortedDictionary<string, double> cpu, long operations)
    {
        var platform = 0.0;
        foreach (var (group, ms) in cpu)
        {
            var per = Math.Round(ms / Math.Max(1, operations), 3);
            figures[$"cpuMsPer{operation}:{group}"] = per;
            platform += group == "load generator" ? 0 : per;
        }

        figures[$"cpuMsPer{operation}:platform"] = Math.Round(platform, 3);
    }

    /// <summary>
    /// Waits until the platform is idle again — its processes together use less than <paramref name="busyMsPerSecond"/>
    /// of CPU in a second — so a phase that overloaded it does not leave its backlog to the next; at most
    /// <paramref name="longest"/>. Returns how long it waited.
    /// </summary>
    public static async Task<TimeSpan> SettleAsync(double busyMsPerSecond, TimeSpan longest, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        while (System.Diagnostics.Stopwatch.GetElapsedTime(started) < longest)
        {
            var before = Snapshot();
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            var used = Between(before, Snapshot()).Where(g => g.Key != "load generator").Sum(g => g.Value);
            if (used < busyMsPerSecond)
            {
                break;
            }
        }

        return System.Diagnostics.Stopwatch.GetElapsedTime(started);
    }

    private static string? GroupOf(string comm, string cmdline)
    {
        if (comm == "beam.smp")
        {
            return "rabbitmq";
        }

        if (cmdline.StartsWith("postgres: ", StringComparison.Ordinal) || comm == "postgres")
        {
            // A backend is "postgres: USER DATABASE ADDRESS(PORT) STATE"; the service users are mucgov_NAME.
            var parts = cmdline.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return parts.Length >= 4 && parts[1].StartsWith("mucgov_", StringComparison.Ordinal) && parts[3].Contains('(', StringComparison.Ordinal)
                ? $"postgres ({parts[1]["mucgov_".Length..]})"
                : "postgres (background)";
        }

        if (cmdline.Contains("smtp4dev", StringComparison.Ordinal))
        {
            return "smtp4dev";
        }

        if (comm == "dotnet" || cmdline.Contains("MucGov.", StringComparison.Ordinal))
        {
            var dll = cmdline.Split(' ').FirstOrDefault(a => a.EndsWith(".dll", StringComparison.Ordinal) && Path.GetFileName(a).StartsWith("MucGov.", StringComparison.Ordinal));
            return dll is null ? null : Path.GetFileNameWithoutExtension(dll)["MucGov.".Length..].ToLowerInvariant();
        }

        return null;
    }
}
