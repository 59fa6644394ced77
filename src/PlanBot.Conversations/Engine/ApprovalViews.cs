using PlanBot.Conversations.Gates;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Views;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Engine;

/// <summary>Builds the approval request view of a plan, for everyone or for an approver.</summary>
public static class ApprovalViews
{
    /// <summary>The request for the plan in <paramref name="document"/>, with the deployments waiting on it.</summary>
    public static ApprovalView Build(PlanDocument document, bool forApprover, string? notice = null, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Build(document.Plan, forApprover, notice, now) with { Gates = GateWording.Lines(document) };
    }

    /// <summary>The request; given <paramref name="now"/>, its summary warns of schedule problems, as approvers must see them.</summary>
    public static ApprovalView Build(Plan plan, bool forApprover, string? notice = null, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var decisions = plan.Decisions
            .Select(d => new DecisionSummary(d.Approver.ToString(), d.Verdict == Verdict.Approve, d.At, d.Revision, d.Reason, d.Stale))
            .ToList();
        return new ApprovalView(
            plan.Id,
            plan.Title,
            plan.Revision,
            PlanWording.State(plan.State),
            plan.Owner.ToString(),
            plan.Quorum == Quorum.All ? "every approver" : "any one approver",
            PlanSummaries.Build(plan, full: false, now),
            plan.Approvers,
            decisions,
            forApprover && plan.State is PlanState.InReview or PlanState.Approved,
            notice,
            plan.AwaitingDecision(),
            plan.Timeline?.Select(e => $"{e.At:yyyy-MM-dd HH:mm} UTC · {Plan.Stage(e.State)} ({(e.By is null ? e.Source : e.By.ToString())}){(e.Note is null ? string.Empty : $": {e.Note}")}").ToList());
    }
}
