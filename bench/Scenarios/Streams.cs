using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.ServerSentEvents;
using System.Text.Json;
using HdrHistogram;
using Spectre.Console;

namespace MucGov.Bench.Scenarios;

/// <summary>
/// Many open chat streams on one conversation instance: anonymous chats (<c>MUCGOV_BENCH_STREAMS</c>, 5,000), each with
/// its event stream open through the gateway, then turns said in random chats at a fixed rate
/// (<c>MUCGOV_BENCH_STREAM_RATE</c>, 50/s), open-loop. Measured: the resident memory the conversation service and the
/// gateway take per open stream, and every message's commit (when the turn's answer, sent after the commit, arrives)
/// → its receipt on the chat's stream (0 when the stream was faster than the answer).
/// </summary>
public sealed class Streams : IRunsItself
{
    /// <summary>One connection per stream, as a browser tab has: a capped pool would queue the streams.</summary>
    private readonly HttpClient http = OpenLoop.Client(Timeout.InfiniteTimeSpan);

    public string Name => "streams";
    public string Description => "thousands of open chat streams through the gateway: memory per stream, commit → receipt on the stream";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context, BenchOptions options, ProgressContext progress, CancellationToken ct)
    {
        var count = ChatTurn.Setting("MUCGOV_BENCH_STREAMS", 5000);
        var rate = ChatTurn.Rates("MUCGOV_BENCH_STREAM_RATE", "50")[0];
        if (OpenFileLimit() is { } limit && limit < count + 1000)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]This process may open only {limit} files; {count} streams need more (ulimit -n).[/]");
        }

        var chats = await ChatTurn.OpenChatsAsync(http, context.Gateway, ChatTurn.Scripts(), count, progress.AddTask($"{Name}: opening {count} chats"), ct);
        await ProcessCpu.SettleAsync(ChatTurn.IdleMsPerSecond, ChatTurn.Settling, ct);
        var before = ProcessCpu.ResidentBytes();
        var histogram = new LongHistogram(TimeStamp.Minutes(1), 3);
        var gate = new object();
        // A message is committed when the turn's answer comes back; its receipt on the stream may come before that answer.
        var answered = new ConcurrentDictionary<(Guid, long), long>();
        var streamed = new ConcurrentDictionary<(Guid, long), long>();
        var measuring = false;
        long received = 0;
        void Pair((Guid, long) message)
        {
            if (answered.TryGetValue(message, out var committed) && streamed.TryGetValue(message, out var receipt) &&
                answered.TryRemove(message, out _) && streamed.TryRemove(message, out _))
            {
                Interlocked.Increment(ref received);
                lock (gate)
                {
                    histogram.RecordValue(Math.Max(0, receipt - committed));
                }
            }
        }

        void OnMessage(Guid chat, SseItem<string> item)
        {
            var now = Stopwatch.GetTimestamp();
            if (measuring && item.EventType == "message")
            {
                var message = (chat, JsonDocument.Parse(item.Data).RootElement.GetProperty("seq").GetInt64());
                streamed[message] = now;
                Pair(message);
            }
        }

        async Task SayAsync(ChatTurn.Chat chat, CancellationToken token)
        {
            foreach (var seq in await ChatTurn.SayAsync(http, context.Gateway, chat, token))
            {
                answered[(chat.Id, seq)] = Stopwatch.GetTimestamp();
                Pair((chat.Id, seq));
            }
        }

        using var stop = new CancellationTokenSource();
        var opening = progress.AddTask($"{Name}: opening {count} streams", maxValue: count);
        var opened = Stopwatch.StartNew();
        var readers = new Task[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = ct }, async (i, token) =>
        {
            var stream = await EventStream.OpenAsync(http, new Uri(context.Gateway, $"/api/conversations/{chats[i].Id}/events"),
                h => h.Add("X-Conversation-Key", chats[i].Key), token);
            readers[i] = EventStream.ReadAsync(stream, item => OnMessage(chats[i].Id, item), stop.Token);
            opening.Increment(1);
        });
        var openedIn = opened.Elapsed;
        await ProcessCpu.SettleAsync(ChatTurn.IdleMsPerSecond, ChatTurn.Settling, ct);
        var after = ProcessCpu.ResidentBytes();

        var task = progress.AddTask($"{Name}: {rate}/s to {count} open streams", maxValue: options.Duration.TotalSeconds);
        measuring = true;
        var outcome = await OpenLoop.RunAsync(rate, options.Duration, (_, t) => SayAsync(chats[Random.Shared.Next(chats.Count)], t), task, ct);
        // Each turn stores the citizen's message and at least one answer: wait for them (at most ten seconds).
        var waited = Stopwatch.StartNew();
        while (Interlocked.Read(ref received) < 2 * outcome.Served && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(100, ct);
        }

        await stop.CancelAsync();
        await Task.WhenAll(readers);
        var figures = new Dictionary<string, double>
        {
            ["streams"] = count, ["streamsOpenedPerSecond"] = Math.Round(count / openedIn.TotalSeconds, 1), ["turnsOfferedPerSecond"] = rate,
            ["turnsServed"] = outcome.Served, ["turnsFailed"] = outcome.Errors, ["turnP99Ms"] = outcome.Percentile(99), ["messagesReceived"] = received,
        };
        foreach (var group in new[] { "conversation", "gateway" })
        {
            var grown = after.GetValueOrDefault(group) - before.GetValueOrDefault(group);
            figures[$"residentMiB:{group}"] = Math.Round(after.GetValueOrDefault(group) / 1048576.0, 1);
            figures[$"kibPerStream:{group}"] = Math.Round(grown / 1024.0 / count, 1);
        }

        return
        [
            new BenchResult($"{Name} commit→receipt ({count} open, {rate}/s)", Description, DateTimeOffset.UtcNow, 0, outcome.Seconds, histogram.TotalCount,
                Math.Max(0, 2 * outcome.Served - histogram.TotalCount) + outcome.Errors, histogram.TotalCount / outcome.Seconds,
                Runner.Percentile(histogram, 50), Runner.Percentile(histogram, 90), Runner.Percentile(histogram, 99), Runner.ToMs(histogram.GetMaxValue()),
                Environment.ProcessorCount, figures),
        ];
    }

    /// <summary>This process's soft limit of open files, from <c>/proc/self/limits</c>.</summary>
    private static long? OpenFileLimit()
    {
        const string Limits = "/proc/self/limits";
        var line = File.Exists(Limits) ? File.ReadLines(Limits).FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal)) : null;
        return line is not null && long.TryParse(line["Max open files".Length..].Trim().Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var soft)
            ? soft
            : null;
    }
}
