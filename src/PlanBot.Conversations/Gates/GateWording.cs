using System.Globalization;
using PlanBot.Conversations.State;

namespace PlanBot.Conversations.Gates;

/// <summary>How the chat and the approval card speak of deployments waiting on a plan.</summary>
public static class GateWording
{
    public static string System(GateSystem system) => system == GateSystem.GitHub ? "GitHub" : "Azure Pipelines";

    /// <summary>"environment production, run 20270310.1" or "contoso/web, environment production, v2.4, run 8812".</summary>
    public static string Details(GateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parts = new List<string>();
        if (request.GitHub is { } github)
        {
            parts.Add(github.Repository);
        }

        parts.Add($"environment {request.Environment}");
        if (request.GitHub?.Ref is { Length: > 0 } reference)
        {
            parts.Add(reference);
        }

        if (request.Run is { Length: > 0 } run)
        {
            parts.Add($"run {run}");
        }

        return string.Join(", ", parts);
    }

    /// <summary>Said in the plan's thread when a deployment first asks.</summary>
    public static string Asked(GateRequest request, Domain.Plans.Plan plan)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(plan);
        var who = System(request.System);
        return plan.State switch
        {
            _ when GateVerdicts.IsApproved(plan) => $"{who} asked for this plan ({Details(request)}): revision {plan.Revision} is approved, so the deployment may go ahead.",
            Domain.Plans.PlanState.Rejected or Domain.Plans.PlanState.Cancelled => $"{who} asked for this plan ({Details(request)}): it is {GateVerdicts.State(plan)}, so the deployment does not go ahead.",
            _ => $"{who} is waiting for this plan ({Details(request)}). It goes ahead once the plan is approved.",
        };
    }

    /// <summary>Said in the plan's thread once the deployment was told, or could not be.</summary>
    public static string Reported(GateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var who = System(request.System);
        if (request.NotReported is { } why)
        {
            return $"{who} was not told about {Details(request)}: {why}";
        }

        var outcome = request.Outcome!;
        return outcome.Approved
            ? $"Told {who} that {Details(request)} may deploy: revision {outcome.Revision} is approved."
            : $"Told {who} that {Details(request)} may not deploy: {outcome.Comment}";
    }

    /// <summary>
    /// One line of the approval card: what the plan gates, and where that stands. An outcome not yet
    /// claimed is read from the plan itself, so a card built in the turn that decided shows it.
    /// </summary>
    public static string Line(GateRequest request, Domain.Plans.Plan plan)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(plan);
        var owed = request.Claim is null ? GateVerdicts.Outcome(plan, request.RequestedAt) : request.Outcome;
        var standing = request switch
        {
            { NotReported: { } why } => $"not told: {why}",
            { ReportedAt: { } at, Outcome: { } told } => $"told {(told.Approved ? "to go ahead" : "to stop")} on {When(at)}",
            { Callback: false } => $"reads the plan's state (asked {When(request.RequestedAt)})",
            _ when owed is { Approved: true } => "being told to go ahead",
            _ when owed is { Approved: false } => "being told to stop",
            _ => "waiting for approval",
        };
        return $"{System(request.System)}: {Details(request)} · {standing}";
    }

    /// <summary>The card's lines, newest first, at most <paramref name="max"/>; null when nothing asked.</summary>
    public static IReadOnlyList<string>? Lines(PlanDocument document, int max = 5)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Gates is { Count: > 0 } requests
            ? requests.OrderByDescending(r => r.RequestedAt).Take(max).Select(r => Line(r, document.Plan)).ToList()
            : null;
    }

    private static string When(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
