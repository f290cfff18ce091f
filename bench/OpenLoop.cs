using System.Diagnostics;
using HdrHistogram;
using Spectre.Console;

namespace MucGov.Bench;

/// <summary>What an open-loop phase measured: latency from each request's scheduled start, and what was served.</summary>
public sealed record OpenLoopOutcome(LongHistogram Latency, long Sent, long Served, long Errors, double Seconds)
{
    public double ServedPerSecond => Served / Seconds;

    public double Percentile(double p) => Runner.Percentile(Latency, p);

    public double MaxMs => Runner.ToMs(Latency.GetMaxValue());
}

/// <summary>
/// Sends requests on a fixed schedule (rate per second), whether or not earlier ones have been answered: a slow answer
/// does not hold back the next request, and each latency counts from the moment its request was due, so queueing in
/// the platform — and in the load generator — shows in the figures (no coordinated omission).
/// </summary>
public static class OpenLoop
{
    /// <summary>
    /// A client with as many connections as requests in flight: a capped pool would queue requests in the load
    /// generator, which an open loop must not do.
    /// </summary>
    public static HttpClient Client(TimeSpan timeout) =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { Timeout = timeout };

    /// <summary>Requests still running this long after the phase are counted as errors.</summary>
    private static readonly TimeSpan Straggle = TimeSpan.FromSeconds(30);

    public static async Task<OpenLoopOutcome> RunAsync(double rate, TimeSpan duration, Func<long, CancellationToken, Task> send, ProgressTask? progress, CancellationToken ct)
    {
        // Requests still unanswered after the straggling time are given up (and counted as errors).
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var token = giveUp.Token;
        var histogram = new LongHistogram(TimeStamp.Minutes(1), 3);
        var gate = new object();
        long served = 0, errors = 0;
        var total = (long)(rate * duration.TotalSeconds);
        var interval = Stopwatch.Frequency / rate;
        var running = new List<Task>((int)Math.Min(total, 1_000_000));
        var started = Stopwatch.GetTimestamp();
        for (long i = 0; i < total && !ct.IsCancellationRequested; i++)
        {
            var due = started + (long)(i * interval);
            var wait = due - Stopwatch.GetTimestamp();
            if (wait > Stopwatch.Frequency / 500)
            {
                await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), ct);
            }

            var n = i;
            running.Add(Task.Run(async () =>
            {
                try
                {
                    await send(n, token);
                    var took = Stopwatch.GetTimestamp() - due;
                    lock (gate)
                    {
                        histogram.RecordValue(took);
                    }

                    Interlocked.Increment(ref served);
                }
                catch (Exception) when (!ct.IsCancellationRequested)
                {
                    Interlocked.Increment(ref errors);
                }
            }, CancellationToken.None));
            if (progress is not null && i % 50 == 0)
            {
                progress.Value = Math.Min(progress.MaxValue, Stopwatch.GetElapsedTime(started).TotalSeconds);
            }
        }

        var all = Task.WhenAll(running);
        await Task.WhenAny(all, Task.Delay(Straggle, ct));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await giveUp.CancelAsync();
        progress?.Value = progress.MaxValue;
        var finished = Interlocked.Read(ref served);
        return new OpenLoopOutcome(histogram, total, finished, total - finished, seconds);
    }
}
