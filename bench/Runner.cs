using System.Diagnostics;
using System.Text.Json;
using HdrHistogram;
using Spectre.Console;

namespace MucGov.Bench;

/// <summary>Runs a scenario with N concurrent workers for a fixed time after a warm-up, recording latencies.</summary>
public sealed class Runner(BenchContext context, BenchOptions options)
{
    public async Task<BenchResult> RunAsync(IScenario scenario, ProgressTask progress, CancellationToken ct)
    {
        await scenario.SetUpAsync(context, ct);
        await RunPhaseAsync(scenario, options.Warmup, histogram: null, progress: null, ct);

        var histogram = new LongHistogram(TimeStamp.Minutes(1), 3);
        var started = Stopwatch.GetTimestamp();
        var (ops, errors) = await RunPhaseAsync(scenario, options.Duration, histogram, progress, ct);
        var elapsed = Stopwatch.GetElapsedTime(started);

        return new BenchResult(
            scenario.Name,
            scenario.Description,
            DateTimeOffset.UtcNow,
            options.Concurrency,
            elapsed.TotalSeconds,
            ops,
            errors,
            ops / elapsed.TotalSeconds,
            Percentile(histogram, 50),
            Percentile(histogram, 90),
            Percentile(histogram, 99),
            ToMs(histogram.GetMaxValue()),
            Environment.ProcessorCount,
            scenario is IReportsFigures figures ? new Dictionary<string, double>(figures.Figures) : null);
    }

    /// <summary>A percentile of <paramref name="histogram"/> (Stopwatch ticks) in milliseconds; 0 when nothing was recorded.</summary>
    internal static double Percentile(LongHistogram histogram, double percentile) =>
        histogram.TotalCount == 0 ? 0 : ToMs(histogram.GetValueAtPercentile(percentile));

    /// <summary>Stopwatch ticks as milliseconds, as every figure is reported.</summary>
    internal static double ToMs(long ticks) => Math.Round(ticks * 1000.0 / Stopwatch.Frequency, 3);

    private async Task<(long Ops, long Errors)> RunPhaseAsync(IScenario scenario, TimeSpan duration, LongHistogram? histogram, ProgressTask? progress, CancellationToken ct)
    {
        long ops = 0, errors = 0;
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var gate = new object();
        var workers = Enumerable.Range(0, options.Concurrency).Select(worker => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < end && !ct.IsCancellationRequested)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    await scenario.RunOnceAsync(context, worker, ct);
                    var took = Stopwatch.GetTimestamp() - start;
                    if (histogram is not null)
                    {
                        lock (gate)
                        {
                            histogram.RecordValue(took);
                        }
                    }

                    Interlocked.Increment(ref ops);
                }
                catch (Exception) when (!ct.IsCancellationRequested)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }, ct)).ToList();

        if (progress is not null)
        {
            var total = duration.TotalSeconds;
            var begun = Stopwatch.GetTimestamp();
            while (workers.Any(w => !w.IsCompleted))
            {
                progress.Value = Math.Min(total, Stopwatch.GetElapsedTime(begun).TotalSeconds);
                await Task.WhenAny(Task.WhenAll(workers), Task.Delay(200, ct));
            }

            progress.Value = total;
        }

        await Task.WhenAll(workers);
        return (ops, errors);
    }
}

/// <summary>Run settings from the command line.</summary>
public sealed record BenchOptions(Uri Gateway, TimeSpan Duration, TimeSpan Warmup, int Concurrency, string ResultsDirectory);

/// <summary>One scenario's figures, as written to <c>bench/results/</c>.</summary>
public sealed record BenchResult(
    string Scenario,
    string Description,
    DateTimeOffset At,
    int Concurrency,
    double Seconds,
    long Operations,
    long Errors,
    double OperationsPerSecond,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double MaxMs,
    int Cores,
    IReadOnlyDictionary<string, double>? Figures = null)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
