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
    long Lookups,
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
/// interview at a time, one turn after another (a turn is one POST; the host answers it after
/// sending its replies, so the fake Connector has counted them when the POST returns).
/// </summary>
internal sealed class LoadDriver(HttpClient http, Uri messages, FakeConnector connector, string runId, bool tenantPerConversation = false)
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

        var latencies = workers.SelectMany(w => w.Latencies).ToArray();
        Array.Sort(latencies);
        return new PhaseResult(
            workers.Sum(w => w.Started),
            workers.Sum(w => w.Completed),
            latencies.Length,
            stopwatch.Elapsed,
            latencies,
            workers.Sum(w => w.Non2xx),
            workers.Sum(w => w.Failed),
            workers.Sum(w => w.MissingReplies),
            workers.Sum(w => w.Incomplete),
            workers.Sum(w => w.Replies),
            workers.Sum(w => w.Lookups),
            limit.IsCancellationRequested);
    }

    private async Task RunConversationAsync(Worker worker, int n, CancellationToken limit)
    {
        var conversationId = $"a:bench-{runId}-{n}";
        var tally = connector.Register(conversationId);
        var script = Interview.Messages(n);
        var serviceUrl = connector.ServiceUrl.ToString();
        worker.Started++;
        var turns = 0;
        foreach (var text in script)
        {
            if (limit.IsCancellationRequested)
            {
                break;
            }

            var body = Interview.Activity(serviceUrl, conversationId, $"act-{runId}-{n}-{turns}", text, tenantPerConversation ? $"bench-{runId}-{n}" : Interview.TenantId);
            var before = tally.Replies;
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = Json;
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.PostAsync(messages, content, CancellationToken.None);
                var elapsed = Stopwatch.GetTimestamp() - started;
                worker.Latencies.Add(elapsed);
                if (!response.IsSuccessStatusCode)
                {
                    worker.Non2xx++;
                    Report.Note($"POST /api/messages answered {(int)response.StatusCode} in {conversationId} turn {turns}");
                }
                else if (tally.Replies == before)
                {
                    worker.MissingReplies++;
                    Report.Note($"no reply to turn {turns} of {conversationId} (\"{text}\")");
                }
            }
            catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException)
            {
                worker.Latencies.Add(Stopwatch.GetTimestamp() - started);
                worker.Failed++;
                Report.Note($"POST /api/messages failed in {conversationId} turn {turns}: {failure.Message}");
            }

            turns++;
        }

        worker.Replies += tally.Replies;
        worker.Lookups += tally.Lookups;
        if (turns == script.Count)
        {
            worker.Completed++;
            if (!tally.SawComplete)
            {
                worker.Incomplete++;
                Report.Note($"{conversationId} ended without the 100% summary card");
            }
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

        public long Lookups { get; set; }
    }
}
