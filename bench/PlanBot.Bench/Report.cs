using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PlanBot.Bench;

/// <summary>The figures of one bot's measured run, as printed and as JSON.</summary>
internal sealed record RunFigures(
    string Bot,
    string Storage,
    int Concurrency,
    int Warmup,
    PhaseResult? Seed,
    PhaseResult Measured,
    PhaseResult? List,
    long PeakRssBytes,
    long MaxSampledRssBytes,
    TimeSpan BotCpu,
    TimeSpan BenchCpu,
    TimeSpan? CosmosServerCpu,
    StoreCounts? Store,
    long BotLogLines,
    string LoadAverageBefore,
    string LoadAverageAfter,
    int Cores)
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public long Errors => Measured.Errors + (Seed?.Errors ?? 0) + (List?.Errors ?? 0);

    public double PeakRssMb => Mb(PeakRssBytes);

    public double BotCpuMicrosecondsPerTurn => Micro(BotCpu, Measured.Turns);

    public double? StoreRequestsPerTurn => Store is null ? null : Per(Store.Requests, Measured.Turns);

    public double? BytesWrittenPerAnsweringTurn => Store is null ? null : Per(Store.BytesWritten, Measured.AnsweringTurns);

    public string Text()
    {
        var m = Measured;
        var text = new StringBuilder();
        var before = Seed is null ? $"+{Warmup} warm-up" : $"after seeding {Seed.ConversationsStarted} plans";
        text.AppendLine(C, $"{Bot} on {Storage}: concurrency {Concurrency}, {m.ConversationsStarted} conversations measured ({before}), {Interview.TurnsPerConversation} turns each");
        text.AppendLine(C, $"  machine         {Cores} cores; load average before {LoadAverageBefore}, after {LoadAverageAfter}");
        if (Seed is { } seed)
        {
            text.AppendLine(C, $"  seeded          {seed.ConversationsStarted} plans (full interviews, {seed.ConversationsCompleted - seed.Incomplete} of them to 100 %) in {seed.Elapsed.TotalSeconds:0.0} s, {seed.TurnsPerSecond:0} turns/s, errors {seed.Errors}{(seed.StoppedByTimeLimit ? " (stopped by the seeding time limit)" : string.Empty)}");
        }

        text.AppendLine(C, $"  turns           {m.Turns} in {m.Elapsed.TotalSeconds:0.00} s = {m.TurnsPerSecond:0} turns/s{(m.StoppedByTimeLimit ? " (stopped by the time limit)" : string.Empty)}");
        text.AppendLine(C, $"  POST latency    {Latency(m)} (mean {m.MeanMilliseconds:0.00} ms)");
        text.AppendLine(C, $"  errors          {m.Errors} (non-2xx {m.Non2xx}, failed {m.Failed}, turns without a reply {m.MissingReplies}, interviews without the 100% summary {m.Incomplete})");
        text.AppendLine(C, $"  replies         {Per(m.Replies, m.ConversationsStarted):0.00} per conversation ({Per(m.Replies, m.Turns):0.00} per turn), {Per(m.ReplyBytes, m.Replies):0} bytes each; member look-ups {Per(m.Lookups, m.ConversationsStarted):0.00} per conversation");
        text.AppendLine(C, $"  memory          peak RSS {PeakRssMb:0.0} MB (VmHWM over the whole run); highest VmRSS sampled while measuring {Mb(MaxSampledRssBytes):0.0} MB");
        text.Append(C, $"  CPU per turn    {Bot} {BotCpuMicrosecondsPerTurn:0} µs, load generator + fake Connector {Micro(BenchCpu, m.Turns):0} µs");
        text.AppendLine(CosmosServerCpu is { } node ? string.Create(C, $", local Cosmos server {Micro(node, m.Turns):0} µs") : string.Empty);
        text.AppendLine(C, $"  log lines       {Per(BotLogLines, m.Turns):0.00} per turn");
        if (Store is { } store)
        {
            text.AppendLine(C, $"  store           {StoreRequestsPerTurn:0.00} requests per turn; {BytesWrittenPerAnsweringTurn:0} bytes written per answering turn, {Per(store.BytesRead, m.Turns):0} bytes read per turn");
            foreach (var (kind, count) in store.ByKind.OrderByDescending(k => k.Value))
            {
                text.AppendLine(C, $"                  {count,8} = {Per(count, m.Turns),5:0.000} per turn, {Per(count, m.ConversationsStarted),6:0.00} per interview: {kind}");
            }
        }

        if (List is { } list)
        {
            text.AppendLine(C, $"  list            {list.Turns} times, one after another: {Latency(list)}; {Per(list.ReplyBytes, list.Replies):0} bytes per reply, errors {list.Errors}");
        }

        return text.ToString();
    }

    public JsonObject Json()
    {
        var m = Measured;
        var json = new JsonObject
        {
            ["bot"] = Bot,
            ["storage"] = Storage,
            ["concurrency"] = Concurrency,
            ["conversations"] = m.ConversationsStarted,
            ["conversationsCompleted"] = m.ConversationsCompleted,
            ["warmupConversations"] = Warmup,
            ["turns"] = m.Turns,
            ["answeringTurns"] = m.AnsweringTurns,
            ["seconds"] = Math.Round(m.Elapsed.TotalSeconds, 3),
            ["turnsPerSecond"] = Math.Round(m.TurnsPerSecond, 1),
            ["p50Ms"] = Math.Round(m.Percentile(50), 3),
            ["p90Ms"] = Math.Round(m.Percentile(90), 3),
            ["p99Ms"] = Math.Round(m.Percentile(99), 3),
            ["maxMs"] = Math.Round(m.MaxMilliseconds, 3),
            ["errors"] = Errors,
            ["non2xx"] = m.Non2xx,
            ["failed"] = m.Failed,
            ["missingReplies"] = m.MissingReplies,
            ["incomplete"] = m.Incomplete,
            ["repliesPerConversation"] = Math.Round(Per(m.Replies, m.ConversationsStarted), 2),
            ["bytesPerReply"] = Math.Round(Per(m.ReplyBytes, m.Replies)),
            ["lookupsPerConversation"] = Math.Round(Per(m.Lookups, m.ConversationsStarted), 2),
            ["peakRssMb"] = Math.Round(PeakRssMb, 1),
            ["maxSampledRssMb"] = Math.Round(Mb(MaxSampledRssBytes), 1),
            ["botCpuMicrosecondsPerTurn"] = Math.Round(BotCpuMicrosecondsPerTurn, 1),
            ["benchCpuMicrosecondsPerTurn"] = Math.Round(Micro(BenchCpu, m.Turns), 1),
            ["logLinesPerTurn"] = Math.Round(Per(BotLogLines, m.Turns), 2),
            ["stoppedByTimeLimit"] = m.StoppedByTimeLimit,
            ["loadAverageBefore"] = LoadAverageBefore,
            ["loadAverageAfter"] = LoadAverageAfter,
        };
        if (Seed is { } seed)
        {
            json["seededPlans"] = seed.ConversationsStarted;
            json["seedSeconds"] = Math.Round(seed.Elapsed.TotalSeconds, 1);
            json["seedErrors"] = seed.Errors;
        }

        if (CosmosServerCpu is { } node)
        {
            json["cosmosServerCpuMicrosecondsPerTurn"] = Math.Round(Micro(node, m.Turns), 1);
        }

        if (Store is { } store)
        {
            json["storeRequestsPerTurn"] = Math.Round(StoreRequestsPerTurn!.Value, 3);
            json["bytesWrittenPerAnsweringTurn"] = Math.Round(BytesWrittenPerAnsweringTurn!.Value);
            json["bytesReadPerTurn"] = Math.Round(Per(store.BytesRead, m.Turns));
            var kinds = new JsonObject();
            foreach (var (kind, count) in store.ByKind.OrderByDescending(k => k.Value))
            {
                kinds[kind] = count;
            }

            json["storeRequestsByKind"] = kinds;
        }

        if (List is { } list)
        {
            json["list"] = new JsonObject
            {
                ["samples"] = list.Turns,
                ["p50Ms"] = Math.Round(list.Percentile(50), 3),
                ["p99Ms"] = Math.Round(list.Percentile(99), 3),
                ["maxMs"] = Math.Round(list.MaxMilliseconds, 3),
                ["bytesPerReply"] = Math.Round(Per(list.ReplyBytes, list.Replies)),
                ["errors"] = list.Errors,
            };
        }

        return json;
    }

    private static string Latency(PhaseResult phase) => string.Create(
        C, $"p50 {phase.Percentile(50):0.00} ms, p90 {phase.Percentile(90):0.00} ms, p99 {phase.Percentile(99):0.00} ms, max {phase.MaxMilliseconds:0.00} ms");

    internal static double Per(long count, long per) => per == 0 ? 0 : (double)count / per;

    internal static double Mb(long bytes) => bytes / (1024.0 * 1024.0);

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

    /// <summary>Every run's figures, and PlanBot's against the peer's when both ran.</summary>
    public static string Json(IReadOnlyList<RunFigures> runs)
    {
        var json = new JsonObject
        {
            ["date"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["runs"] = new JsonArray([.. runs.Select(r => (JsonNode)r.Json())]),
        };
        if (runs is [var planBot, var peer, ..])
        {
            json["planBotOverPeer"] = Comparison.Json(planBot, peer);
        }

        json["targets"] = new JsonArray([.. Target.Check(runs).Select(t => (JsonNode)t.Json())]);
        // Relaxed escaping keeps "≤" and "µ" readable in the file; it is read by people and scripts, never embedded in HTML.
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
