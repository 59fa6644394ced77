using PlanBot.Conversations.State;

namespace PlanBot.Conversations.Ports;

/// <summary>What became of telling a deployment its outcome.</summary>
public enum GateReport
{
    /// <summary>The system took the outcome.</summary>
    Told,

    /// <summary>It could not be told now (no answer, 5xx, throttled): try again later.</summary>
    TryAgain,

    /// <summary>The system will never take it (the run was cancelled, no longer waits, the token expired): stop trying.</summary>
    Gone,
}

/// <summary>The result of one attempt, with why it failed in words fit for a log and a chat message (no secrets).</summary>
public sealed record GateReportResult(GateReport Result, string? Detail = null);

/// <summary>Tells a waiting deployment its outcome: Azure Pipelines' task events, GitHub's deployment protection rule callback.</summary>
public interface IGateCallbacks
{
    /// <summary>Reports <paramref name="outcome"/> for <paramref name="request"/>; answers with the result instead of throwing for what the system said.</summary>
    Task<GateReportResult> ReportAsync(GateRequest request, GateOutcome outcome, CancellationToken cancellationToken);
}
