using PlanBot.Conversations.State;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Gates;

/// <summary>
/// What a plan says to a deployment waiting on it. Only an approved plan lets it go ahead: a plan in
/// review or a draft keeps it waiting (an approval gone stale after an edit included), and a rejected
/// or cancelled plan stops it. Deployment day does not take the approval back: a plan being deployed,
/// deployed, failed (to be tried again), rolled back (to be tried again) or done still lets its
/// pipeline run, which is the deployment it describes.
/// </summary>
public static class GateVerdicts
{
    /// <summary>True when the plan's approval stands: approved, or on deployment day since.</summary>
    public static bool IsApproved(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.State == PlanState.Approved || plan.IsInDeployment();
    }

    /// <summary>
    /// The state as the gate endpoint names it: <c>approved</c>, <c>in review</c>, <c>rejected</c>,
    /// <c>draft</c>, <c>cancelled</c>. A plan on deployment day reads <c>approved</c>, so a check's
    /// success criteria on the state keep holding while the release goes out.
    /// </summary>
    public static string State(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.State switch
        {
            _ when IsApproved(plan) => "approved",
            PlanState.InReview => "in review",
            PlanState.Rejected => "rejected",
            PlanState.Cancelled => "cancelled",
            _ => "draft",
        };
    }

    /// <summary>The state when no plan exists for the release.</summary>
    public const string None = "none";

    /// <summary>The outcome to report now, or null while the plan is undecided.</summary>
    public static GateOutcome? Outcome(Plan plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.State switch
        {
            _ when IsApproved(plan) => new GateOutcome(true, plan.Revision, Approved(plan), now),
            PlanState.Rejected => new GateOutcome(false, plan.Revision, Rejected(plan), now),
            PlanState.Cancelled => new GateOutcome(false, plan.Revision, $"The deployment plan for {plan.Title} was cancelled, so this release does not go ahead.", now),
            _ => null,
        };
    }

    /// <summary>Why the deployment waits, for people reading the run.</summary>
    public static string Message(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.State switch
        {
            _ when IsApproved(plan) => Approved(plan),
            PlanState.Rejected => Rejected(plan),
            PlanState.Cancelled => $"The deployment plan for {plan.Title} was cancelled.",
            PlanState.InReview when plan.Decisions.Any(d => d.Stale && d.Verdict == Verdict.Approve) && !plan.Decisions.Any(d => !d.Stale) =>
                $"The deployment plan for {plan.Title} changed after it was approved (revision {plan.Revision} now); it waits for its approvers again: {string.Join(", ", plan.AwaitingDecision())}.",
            PlanState.InReview => $"The deployment plan for {plan.Title} is in review (revision {plan.Revision}); waiting for {string.Join(", ", plan.AwaitingDecision())}.",
            _ => $"The deployment plan for {plan.Title} is a draft; it must be submitted and approved first.",
        };
    }

    private static string Approved(Plan plan)
    {
        var by = plan.Decisions.Where(d => !d.Stale && d.Revision == plan.Revision && d.Verdict == Verdict.Approve).Select(d => d.Approver.ToString()).Distinct();
        return $"The deployment plan for {plan.Title} is approved: revision {plan.Revision}, approved by {string.Join(", ", by)}.";
    }

    private static string Rejected(Plan plan)
    {
        var rejection = plan.Decisions.LastOrDefault(d => !d.Stale && d.Verdict == Verdict.Reject);
        return rejection is null
            ? $"The deployment plan for {plan.Title} is rejected (revision {plan.Revision})."
            : $"The deployment plan for {plan.Title} is rejected (revision {plan.Revision}): {rejection.Approver}: {rejection.Reason}";
    }
}
