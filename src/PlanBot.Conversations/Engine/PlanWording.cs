using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Engine;

/// <summary>How the chat names a plan's state and says why a move was refused, with the command that helps.</summary>
public static class PlanWording
{
    public static string State(PlanState state) => state switch
    {
        PlanState.Draft => "a draft",
        PlanState.InReview => "in review",
        PlanState.Approved => "approved",
        PlanState.Rejected => "rejected",
        PlanState.Cancelled => "cancelled",
        PlanState.Deploying or PlanState.Deployed or PlanState.Failed or PlanState.RolledBack or PlanState.Done => Plan.Stage(state),
        _ => state.ToString(),
    };

    /// <summary>What to tell the person whose move on <paramref name="plan"/> the rules refused.</summary>
    public static string Refusal(PlanRuleException refused, Plan plan)
    {
        ArgumentNullException.ThrowIfNull(refused);
        ArgumentNullException.ThrowIfNull(plan);
        return refused.Rule switch
        {
            PlanRule.Cancelled => $"The plan for {plan.Title} is cancelled. Type `plan {plan.Product} {plan.Version}` to reopen it.",
            PlanRule.NotInReview => $"The plan for {plan.Title} is {State(plan.State)}; decisions are taken once it is submitted.",
            PlanRule.NotAnApprover => $"Only the approvers named in section 5 may approve or reject this plan: {string.Join(", ", plan.Approvers)}. Nothing was recorded.",
            PlanRule.RevisionChanged => $"{refused.Message} Review the current plan and decide again.",
            PlanRule.InDeployment => $"{refused.Message} `history` shows what happened.",
            _ => refused.Message,
        };
    }
}
