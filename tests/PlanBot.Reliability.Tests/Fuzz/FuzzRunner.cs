using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using CsCheck;

namespace PlanBot.Reliability.Tests.Fuzz;

/// <summary>
/// Runs a fixed number of generated cases against one endpoint: generated in order from a seeded
/// PCG (so a run is reproducible), sent a few at a time, each under its own timeout. Every answer is
/// counted by status; a 5xx, an exception reaching the client or a timeout is a failure.
/// </summary>
public static class FuzzRunner
{
    public static async Task<FuzzReport> RunAsync(
        Gen<FuzzCase> cases, ulong seed, int count, Func<FuzzCase, CancellationToken, Task<(HttpStatusCode Status, string Body)>> send, int parallelism = 4, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(send);
        var perRequest = timeout ?? TimeSpan.FromSeconds(15);
        var report = new FuzzReport(seed);
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Generate(cases, seed, count), new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (item, _) =>
        {
            var (index, fuzz) = item;
            using var deadline = new CancellationTokenSource(perRequest);
            var started = Stopwatch.GetTimestamp();
            try
            {
                var (status, body) = await send(fuzz, deadline.Token);
                report.Count(fuzz.Kind, status);
                if ((int)status >= 500)
                {
                    report.Failures.Enqueue($"#{index} {(int)status} {Short(body)} <- {fuzz}");
                }
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                report.Count(fuzz.Kind, null);
                report.Failures.Enqueue($"#{index} no answer within {perRequest.TotalSeconds:0} s <- {fuzz}");
            }
            catch (Exception failure)
            {
                report.Count(fuzz.Kind, null);
                report.Failures.Enqueue($"#{index} {failure.GetType().Name}: {Short(failure.Message)} <- {fuzz}");
            }
            finally
            {
                report.Observe(Stopwatch.GetElapsedTime(started));
            }
        });
        report.Elapsed = clock.Elapsed;
        return report;
    }

    private static IEnumerable<(int Index, FuzzCase Case)> Generate(Gen<FuzzCase> cases, ulong seed, int count)
    {
        var pcg = new PCG(1, seed);
        for (var i = 0; i < count; i++)
        {
            yield return (i, cases.Generate(pcg, null, out _));
        }
    }

    private static string Short(string text) => text.Length <= 300 ? text : text[..300] + "…";
}

public sealed class FuzzReport(ulong seed)
{
    private readonly ConcurrentDictionary<string, int> byStatus = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> byKind = new(StringComparer.Ordinal);
    private long slowestTicks;

    public ulong Seed { get; } = seed;

    public ConcurrentQueue<string> Failures { get; } = new();

    public TimeSpan Elapsed { get; set; }

    public TimeSpan Slowest => TimeSpan.FromTicks(Interlocked.Read(ref slowestTicks));

    public int Cases => byStatus.Values.Sum();

    public int Status2xx => Sum(s => s is >= 200 and < 300);

    public int Status4xx => Sum(s => s is >= 400 and < 500);

    public int Status5xx => Sum(s => s >= 500);

    /// <summary>Exceptions reaching the client and requests with no answer in time.</summary>
    public int NoAnswer => byStatus.TryGetValue("none", out var n) ? n : 0;

    public IReadOnlyDictionary<string, int> ByStatus => byStatus;

    public IReadOnlyDictionary<string, int> ByKind => byKind;

    internal void Count(string kind, HttpStatusCode? status)
    {
        byStatus.AddOrUpdate(status is { } s ? ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture) : "none", 1, (_, n) => n + 1);
        byKind.AddOrUpdate(kind, 1, (_, n) => n + 1);
    }

    internal void Observe(TimeSpan elapsed)
    {
        long current;
        while (elapsed.Ticks > (current = Interlocked.Read(ref slowestTicks)) && Interlocked.CompareExchange(ref slowestTicks, elapsed.Ticks, current) != current)
        {
        }
    }

    private int Sum(Func<int, bool> which) =>
        byStatus.Where(p => p.Key != "none" && which(int.Parse(p.Key, System.Globalization.CultureInfo.InvariantCulture))).Sum(p => p.Value);
}
