using PlanBot.Domain.Answers;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Engine;

/// <summary>
/// One person's plans, as the Teams tab and Slack's Home tab list them: plans they own, plans waiting
/// for their decision, and plans with a section assigned to them still open. Each newest first, as
/// the store lists plans.
/// </summary>
public sealed record MyPlans(IReadOnlyList<Plan> Owned, IReadOnlyList<Plan> Waiting, IReadOnlyList<Plan> Assigned)
{
    public static MyPlans Of(IReadOnlyList<Plan> plans, PersonRef me)
    {
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentNullException.ThrowIfNull(me);
        return new MyPlans(
            plans.Where(p => p.IsOwner(me)).ToList(),
            plans.Where(p => p.AwaitingDecision().Any(a => a.SameAs(me))).ToList(),
            plans.Where(p => p.OpenAssignments().Any(a => a.Assignee.SameAs(me))).ToList());
    }
}
