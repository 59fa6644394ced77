using System.Globalization;
using System.Text.Json.Nodes;

namespace PlanBot.Bench;

/// <summary>One of the performance targets of docs/BENCHMARKS.md, and whether this run met it.</summary>
internal sealed record Target(string Name, string Measured, bool? Met)
{
    public JsonObject Json() => new() { ["target"] = Name, ["measured"] = Measured, ["met"] = Met };

    public override string ToString() => $"  {(Met switch { true => "met    ", false => "not met", null => "–      " })}  {Name}: {Measured}";

    /// <summary>The targets a run can tell: ratios need the peer on the matching store, requests and bytes a Cosmos run.</summary>
    public static IEnumerable<Target> Check(IReadOnlyList<RunFigures> runs)
    {
        var c = CultureInfo.InvariantCulture;
        var planBot = runs[0];
        var peer = runs.Count > 1 ? runs[1] : null;
        var p99 = planBot.Measured.Percentile(99);
        if (planBot.Store is null)
        {
            if (peer is { Store: null })
            {
                var ratio = planBot.Measured.TurnsPerSecond / peer.Measured.TurnsPerSecond;
                yield return new("SQLite: ≥ 3× the peer's turns/s on MemoryStorage", string.Create(c, $"{ratio:0.00}×"), ratio >= 3);
            }

            yield return new("SQLite: p99 ≤ 10 ms", string.Create(c, $"{p99:0.0} ms"), p99 <= 10);
        }
        else
        {
            if (peer is { Store: not null })
            {
                var ratio = planBot.Measured.TurnsPerSecond / peer.Measured.TurnsPerSecond;
                var theirs = peer.Measured.Percentile(99);
                yield return new("Cosmos: ≥ 2× the peer's turns/s on Cosmos", string.Create(c, $"{ratio:0.00}×"), ratio >= 2);
                yield return new("Cosmos: p99 ≤ half the peer's", string.Create(c, $"{p99:0.0} ms against {theirs:0.0} ms ({p99 / theirs:0.00}×)"), p99 <= theirs / 2);
            }

            yield return new("≤ 2.0 store requests per turn", string.Create(c, $"{planBot.StoreRequestsPerTurn:0.00}"), planBot.StoreRequestsPerTurn <= 2.0);
            yield return new("bytes written per answering turn (goal ≤ 4 KB)", string.Create(c, $"{planBot.BytesWrittenPerAnsweringTurn:0} bytes"), planBot.BytesWrittenPerAnsweringTurn <= 4096);
        }

        yield return new("peak RSS ≤ 150 MB", string.Create(c, $"{planBot.PeakRssMb:0.0} MB"), planBot.PeakRssMb <= 150);
        yield return new("host CPU ≤ 0.4 ms per turn", string.Create(c, $"{planBot.BotCpuMicrosecondsPerTurn / 1000:0.00} ms"), planBot.BotCpuMicrosecondsPerTurn <= 400);
    }
}
