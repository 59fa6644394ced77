using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PlanBot.Bench;

/// <summary>The figures of one measured run, as printed and as JSON.</summary>
internal sealed record RunFigures(
    string Store,
    int Concurrency,
    int Conversations,
    int Warmup,
    PhaseResult Measured,
    long HostPeakRssBytes,
    long HostMaxSampledRssBytes,
    TimeSpan HostCpu,
    TimeSpan BenchCpu,
    TimeSpan? CosmosServerCpu,
    long? StoreRequests,
    IReadOnlyDictionary<string, long>? StoreRequestsByKind,
    long HostLogLines,
    string LoadAverageBefore,
    string LoadAverageAfter,
    int Cores)
{
    public string Text()
    {
        var m = Measured;
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"PlanBot load benchmark: store {Store}, concurrency {Concurrency}, {m.ConversationsStarted} conversations measured (+{Warmup} warm-up), {Interview.TurnsPerConversation} turns each");
        text.AppendLine(c, $"  machine         {Cores} cores; load average before {LoadAverageBefore}, after {LoadAverageAfter}");
        text.AppendLine(c, $"  turns           {m.Turns} in {m.Elapsed.TotalSeconds:0.00} s = {m.TurnsPerSecond:0} turns/s{(m.StoppedByTimeLimit ? " (stopped by the time limit)" : string.Empty)}");
        text.AppendLine(c, $"  POST latency    p50 {m.Percentile(50):0.00} ms, p90 {m.Percentile(90):0.00} ms, p99 {m.Percentile(99):0.00} ms, max {m.MaxMilliseconds:0.00} ms (mean {m.MeanMilliseconds:0.00} ms)");
        text.AppendLine(c, $"  errors          {m.Errors} (non-2xx {m.Non2xx}, failed {m.Failed}, turns without a reply {m.MissingReplies}, interviews without the 100% summary {m.Incomplete})");
        text.AppendLine(c, $"  replies         {Per(m.Replies, m.ConversationsStarted):0.00} per conversation ({Per(m.Replies, m.Turns):0.00} per turn); member look-ups {Per(m.Lookups, m.ConversationsStarted):0.00} per conversation");
        text.AppendLine(c, $"  host memory     peak RSS {Mb(HostPeakRssBytes):0.0} MB (VmHWM over the whole run); highest VmRSS sampled while measuring {Mb(HostMaxSampledRssBytes):0.0} MB");
        text.Append(c, $"  CPU per turn    host {Micro(HostCpu, m.Turns):0} µs, load generator + fake Connector {Micro(BenchCpu, m.Turns):0} µs");
        text.AppendLine(CosmosServerCpu is { } node ? string.Create(c, $", local Cosmos server {Micro(node, m.Turns):0} µs") : string.Empty);
        text.AppendLine(c, $"  host log lines  {Per(HostLogLines, m.Turns):0.00} per turn");
        if (StoreRequests is { } requests)
        {
            var kinds = string.Join(", ", StoreRequestsByKind!.OrderByDescending(k => k.Value).Select(k => string.Create(c, $"{k.Key} {Per(k.Value, m.Turns):0.00}")));
            text.AppendLine(c, $"  store requests  {Per(requests, m.Turns):0.00} per turn ({kinds})");
        }

        return text.ToString();
    }

    public string Json()
    {
        var m = Measured;
        var json = new JsonObject
        {
            ["store"] = Store,
            ["concurrency"] = Concurrency,
            ["conversations"] = m.ConversationsStarted,
            ["conversationsCompleted"] = m.ConversationsCompleted,
            ["warmupConversations"] = Warmup,
            ["turns"] = m.Turns,
            ["seconds"] = Math.Round(m.Elapsed.TotalSeconds, 3),
            ["turnsPerSecond"] = Math.Round(m.TurnsPerSecond, 1),
            ["p50Ms"] = Math.Round(m.Percentile(50), 3),
            ["p90Ms"] = Math.Round(m.Percentile(90), 3),
            ["p99Ms"] = Math.Round(m.Percentile(99), 3),
            ["maxMs"] = Math.Round(m.MaxMilliseconds, 3),
            ["errors"] = m.Errors,
            ["non2xx"] = m.Non2xx,
            ["failed"] = m.Failed,
            ["missingReplies"] = m.MissingReplies,
            ["incomplete"] = m.Incomplete,
            ["repliesPerConversation"] = Math.Round(Per(m.Replies, m.ConversationsStarted), 2),
            ["hostPeakRssMb"] = Math.Round(Mb(HostPeakRssBytes), 1),
            ["hostMaxSampledRssMb"] = Math.Round(Mb(HostMaxSampledRssBytes), 1),
            ["hostCpuMicrosecondsPerTurn"] = Math.Round(Micro(HostCpu, m.Turns), 1),
            ["benchCpuMicrosecondsPerTurn"] = Math.Round(Micro(BenchCpu, m.Turns), 1),
            ["stoppedByTimeLimit"] = m.StoppedByTimeLimit,
            ["loadAverageBefore"] = LoadAverageBefore,
            ["loadAverageAfter"] = LoadAverageAfter,
        };
        if (CosmosServerCpu is { } node)
        {
            json["cosmosServerCpuMicrosecondsPerTurn"] = Math.Round(Micro(node, m.Turns), 1);
        }

        if (StoreRequests is { } requests)
        {
            json["storeRequestsPerTurn"] = Math.Round(Per(requests, m.Turns), 3);
            var kinds = new JsonObject();
            foreach (var (kind, count) in StoreRequestsByKind!)
            {
                kinds[kind] = count;
            }

            json["storeRequestsByKind"] = kinds;
        }

        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static double Per(long count, long per) => per == 0 ? 0 : (double)count / per;

    private static double Mb(long bytes) => bytes / (1024.0 * 1024.0);

    private static double Micro(TimeSpan cpu, long turns) => turns == 0 ? 0 : cpu.TotalMilliseconds * 1000 / turns;
}

/// <summary>Problems seen during the load: the first few are printed, all are counted.</summary>
internal static class Report
{
    private static int notes;

    public static void Note(string problem)
    {
        if (Interlocked.Increment(ref notes) <= 20)
        {
            Console.Error.WriteLine($"  ! {problem}");
        }
    }
}
