using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace PlanBot.Bench;

/// <summary>What one phase of the load measured.</summary>
internal sealed record PhaseResult(
    int ConversationsStarted,
    int ConversationsCompleted,
    long Turns,
    TimeSpan Elapsed,
    long[] LatencyTicks,
    long Non2xx,
    long Failed,
    long MissingReplies,
    int Incomplete,
    long Replies,
    long ReplyBytes,
    long Lookups,
    long AnsweringTurns,
    bool StoppedByTimeLimit)
{
    public double TurnsPerSecond => Turns / Elapsed.TotalSeconds;

    public long Errors => Non2xx + Failed + MissingReplies + Incomplete;

    public double Percentile(double p)
    {
        if (LatencyTicks.Length == 0)
        {
            return double.NaN;
        }

        // Nearest rank.
        var rank = (int)Math.Ceiling(p / 100.0 * LatencyTicks.Length);
        return Milliseconds(LatencyTicks[Math.Clamp(rank - 1, 0, LatencyTicks.Length - 1)]);
    }

    public double MaxMilliseconds => LatencyTicks.Length == 0 ? double.NaN : Milliseconds(LatencyTicks[^1]);

    public double MeanMilliseconds => LatencyTicks.Length == 0 ? double.NaN : Milliseconds((long)LatencyTicks.Average());

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}

/// <summary>
/// Drives conversations through <c>POST /api/messages</c>: C workers, each running one whole
/// interview at a time, one turn after another (a turn is one POST; the bot answers it after
/// sending its replies, so the fake Connector has counted them when the POST returns).
/// Conversations are <c>a:{name}-{n}</c> and plan the product <c>{product}{n}.Web</c>.
/// </summary>
internal sealed class LoadDriver(HttpClient http, Uri messages, FakeConnector connector, string name, string product, bool tenantPerConversation = false)
{
    private int nextConversation;

    public async Task<PhaseResult> RunAsync(int conversations, int concurrency, TimeSpan timeLimit)
    {
        using var limit = new CancellationTokenSource(timeLimit);
        var workers = new Worker[Math.Min(concurrency, conversations)];
        var remaining = conversations;
        var stopwatch = Stopwatch.StartNew();
        var tasks = new Task[workers.Length];
        for (var i = 0; i < workers.Length; i++)
        {
            var worker = workers[i] = new Worker();
            tasks[i] = Task.Run(async () =>
            {
                while (!limit.IsCancellationRequested && Interlocked.Decrement(ref remaining) >= 0)
                {
                    await RunConversationAsync(worker, Interlocked.Increment(ref nextConversation), limit.Token);
                }
            });
        }

        await Task.WhenAll(tasks);
        stopwatch.Stop();
        return Result(workers, stopwatch.Elapsed, limit.IsCancellationRequested);
    }

    /// <summary>
    /// <c>list</c> (the tenant's plans) sent <paramref name="samples"/> times, one after another, in
    /// a conversation of its own in the tenant of the interviews.
    /// </summary>
    public async Task<PhaseResult> ListAsync(int samples)
    {
        var worker = new Worker();
        var conversationId = $"a:{name}-list";
        var user = BenchUser.For($"{name}-list");
        var tally = connector.Register(conversationId);
        var stopwatch = Stopwatch.StartNew();
        worker.Started++;
        for (var i = 0; i < samples; i++)
        {
            await SendAsync(worker, tally, conversationId, $"act-{name}-list-{i}", "list", Interview.TenantId, user);
        }

        stopwatch.Stop();
        worker.Completed++;
        worker.Replies += tally.Replies;
        worker.ReplyBytes += tally.ReplyBytes;
        return Result([worker], stopwatch.Elapsed, stoppedByTimeLimit: false);
    }

    private static PhaseResult Result(Worker[] workers, TimeSpan elapsed, bool stoppedByTimeLimit)
    {
        var latencies = workers.SelectMany(w => w.Latencies).ToArray();
        Array.Sort(latencies);
        return new PhaseResult(
            workers.Sum(w => w.Started),
            workers.Sum(w => w.Completed),
            latencies.Length,
            elapsed,
            latencies,
            workers.Sum(w => w.Non2xx),
            workers.Sum(w => w.Failed),
            workers.Sum(w => w.MissingReplies),
            workers.Sum(w => w.Incomplete),
            workers.Sum(w => w.Replies),
            workers.Sum(w => w.ReplyBytes),
            workers.Sum(w => w.Lookups),
            workers.Sum(w => w.AnsweringTurns),
            stoppedByTimeLimit);
    }

    private async Task RunConversationAsync(Worker worker, int n, CancellationToken limit)
    {
        var conversationId = $"a:{name}-{n}";
        var tally = connector.Register(conversationId);
        var script = Interview.Messages($"{product}{n}.Web");
        var tenantId = tenantPerConversation ? $"{name}-{n}" : Interview.TenantId;
        var user = BenchUser.For($"{name}-{n}");
        worker.Started++;
        var turns = 0;
        foreach (var text in script)
        {
            if (limit.IsCancellationRequested)
            {
                break;
            }

            await SendAsync(worker, tally, conversationId, $"act-{name}-{n}-{turns}", text, tenantId, user);
            if (turns > 0)
            {
                worker.AnsweringTurns++;
            }

            turns++;
        }

        worker.Replies += tally.Replies;
        worker.ReplyBytes += tally.ReplyBytes;
        worker.Lookups += tally.Lookups;
        if (turns == script.Count)
        {
            worker.Completed++;
            if (!tally.SawComplete)
            {
                worker.Incomplete++;
                Report.Note($"{conversationId} ended without the 100% summary card; the last reply: \"{tally.LastReply}\"");
            }
        }
    }

    /// <summary>One turn: the POST, its latency, and whether the bot replied before answering it.</summary>
    private async Task SendAsync(Worker worker, ConversationTally tally, string conversationId, string activityId, string text, string tenantId, BenchUser user)
    {
        var body = Interview.Activity(connector.ServiceUrl.ToString(), conversationId, activityId, text, tenantId, user);
        var before = tally.Replies;
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.PostAsync(messages, content, CancellationToken.None);
            worker.Latencies.Add(Stopwatch.GetTimestamp() - started);
            if (!response.IsSuccessStatusCode)
            {
                worker.Non2xx++;
                Report.Note($"POST /api/messages answered {(int)response.StatusCode} in {conversationId} (\"{text}\")");
            }
            else if (tally.Replies == before)
            {
                worker.MissingReplies++;
                Report.Note($"no reply in {conversationId} to \"{text}\"");
            }
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException)
        {
            worker.Latencies.Add(Stopwatch.GetTimestamp() - started);
            worker.Failed++;
            Report.Note($"POST /api/messages failed in {conversationId} (\"{text}\"): {failure.Message}");
        }
    }

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public static HttpClient CreateClient() => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 1024,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    {
        Timeout = TimeSpan.FromSeconds(30),
        DefaultRequestVersion = HttpVersion.Version11,
    };

    private sealed class Worker
    {
        public List<long> Latencies { get; } = new(4096);

        public int Started { get; set; }

        public int Completed { get; set; }

        public int Incomplete { get; set; }

        public long Non2xx { get; set; }

        public long Failed { get; set; }

        public long MissingReplies { get; set; }

        public long Replies { get; set; }

        public long ReplyBytes { get; set; }

        public long Lookups { get; set; }

        public long AnsweringTurns { get; set; }
    }
}
