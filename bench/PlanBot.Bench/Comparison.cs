using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace PlanBot.Bench;

/// <summary>PlanBot's figures beside the peer's from the same run, each as PlanBot ÷ peer.</summary>
internal static class Comparison
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string Text(RunFigures planBot, RunFigures peer)
    {
        var text = new StringBuilder();
        text.AppendLine(C, $"PlanBot on {planBot.Storage} against the peer on {peer.Storage}, same run, concurrency {planBot.Concurrency}:");
        text.AppendLine(C, $"  {"",-34} {"PlanBot",10} {"peer",10} {"PlanBot ÷ peer",15}");
        foreach (var (label, ours, theirs, format) in Rows(planBot, peer))
        {
            var ratio = theirs == 0 ? "–" : string.Create(C, $"{ours / theirs:0.00}×");
            text.AppendLine(C, $"  {label,-34} {ours.ToString(format, C),10} {theirs.ToString(format, C),10} {ratio,15}");
        }

        return text.ToString();
    }

    public static JsonObject Json(RunFigures planBot, RunFigures peer)
    {
        var json = new JsonObject();
        foreach (var (label, ours, theirs, _) in Rows(planBot, peer))
        {
            json[label] = theirs == 0 ? null : Math.Round(ours / theirs, 3);
        }

        return json;
    }

    private static IEnumerable<(string Label, double PlanBot, double Peer, string Format)> Rows(RunFigures planBot, RunFigures peer)
    {
        var (a, b) = (planBot.Measured, peer.Measured);
        yield return ("turns/s", a.TurnsPerSecond, b.TurnsPerSecond, "0");
        yield return ("p50 ms", a.Percentile(50), b.Percentile(50), "0.00");
        yield return ("p99 ms", a.Percentile(99), b.Percentile(99), "0.00");
        yield return ("peak RSS MB", planBot.PeakRssMb, peer.PeakRssMb, "0.0");
        yield return ("CPU µs per turn (bot process)", planBot.BotCpuMicrosecondsPerTurn, peer.BotCpuMicrosecondsPerTurn, "0");
        yield return ("replies per conversation", RunFigures.Per(a.Replies, a.ConversationsStarted), RunFigures.Per(b.Replies, b.ConversationsStarted), "0.00");
        yield return ("bytes per reply", RunFigures.Per(a.ReplyBytes, a.Replies), RunFigures.Per(b.ReplyBytes, b.Replies), "0");
        if (planBot.StoreRequestsPerTurn is { } ourRequests && peer.StoreRequestsPerTurn is { } theirRequests)
        {
            yield return ("store requests per turn", ourRequests, theirRequests, "0.00");
            yield return ("bytes written per answering turn", planBot.BytesWrittenPerAnsweringTurn!.Value, peer.BytesWrittenPerAnsweringTurn!.Value, "0");
        }
    }
}
