using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PlanBot.Conversations;

/// <summary>
/// PlanBot's own traces and metrics, on the platform's Activity and Meter APIs so the host decides
/// where they go (OTLP, Application Insights, or nowhere). Tags never carry answer text or ids of people.
/// </summary>
public static class PlanBotTelemetry
{
    public const string Name = "PlanBot";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Turns processed, tagged with their outcome and channel.</summary>
    public static readonly Counter<long> Turns = Meter.CreateCounter<long>("planbot.turns", description: "Turns processed, by outcome");

    public static readonly Histogram<double> TurnDuration = Meter.CreateHistogram<double>("planbot.turn.duration", unit: "ms", description: "Time from a turn's arrival to its replies sent");

    /// <summary>Store calls (load, commit), by operation and outcome.</summary>
    public static readonly Histogram<double> StoreDuration = Meter.CreateHistogram<double>("planbot.store.duration", unit: "ms", description: "Duration of store calls");

    /// <summary>Retries of channel calls (Connector, Slack Web API), by status.</summary>
    public static readonly Counter<long> ChannelRetries = Meter.CreateCounter<long>("planbot.channel.retries", description: "Retried calls to a channel's API");

    /// <summary>Requests of deployments asking about a plan (Azure Pipelines checks, GitHub protection rules), by system and what they were answered.</summary>
    public static readonly Counter<long> GateRequests = Meter.CreateCounter<long>("planbot.gate.requests", description: "Gate requests answered, by system and answer");

    /// <summary>Attempts to tell a waiting deployment its outcome, by system and result.</summary>
    public static readonly Counter<long> GateReports = Meter.CreateCounter<long>("planbot.gate.reports", description: "Outcomes reported to waiting deployments, by system and result");

    /// <summary>Counts a gate request of <paramref name="system"/> by what it was answered (a plan state, <c>none</c>, or why it was refused).</summary>
    public static void CountGateRequest(State.GateSystem system, string answer) =>
        GateRequests.Add(1, new("system", Gates.GateWording.System(system)), new("answer", answer));

    /// <summary>Counts an attempt to tell <paramref name="system"/> an outcome, by its result.</summary>
    public static void CountGateReport(State.GateSystem system, Ports.GateReport result) =>
        GateReports.Add(1, new("system", Gates.GateWording.System(system)), new("result", result.ToString()));

    /// <summary>Times a store call and records it, with its outcome, when disposed.</summary>
    public static StoreTiming TimeStore(string operation) => new(operation, Stopwatch.GetTimestamp());

    public readonly struct StoreTiming(string operation, long started)
    {
        public void Done(string outcome) =>
            StoreDuration.Record(
                Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                new KeyValuePair<string, object?>("operation", operation),
                new KeyValuePair<string, object?>("outcome", outcome));
    }
}
