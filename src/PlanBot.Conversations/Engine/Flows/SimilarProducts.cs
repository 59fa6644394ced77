using System.Globalization;
using PlanBot.Conversations.Ports;
using PlanBot.Domain.Plans;
using PlanBot.Domain.Reuse;

namespace PlanBot.Conversations.Engine.Flows;

/// <summary>
/// OpenUP step 1 for a team's first release: another product's plan with a similar feature set can
/// be the starting point. Said once section 1 names the components.
/// </summary>
internal sealed class SimilarProducts(IConversationStore store)
{
    /// <summary>The plans of other products sharing features with <paramref name="plan"/>, as a note; null when it is not a first plan or none is similar.</summary>
    public async Task<string?> NoteAsync(TurnWork work, Plan plan, CancellationToken cancellationToken)
    {
        if (plan.BaselinePlanId is not null)
        {
            return null;
        }

        var plans = await store.ListFeatureSetsAsync(work.Turn.Conversation.TenantId, cancellationToken);
        if (plans.Any(p => p.Id != plan.Id && string.Equals(p.Product, plan.Product, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var similar = SimilarPlans.Rank(plan, plans);
        if (similar.Count == 0)
        {
            return null;
        }

        var offers = string.Join("; ", similar.Select(s =>
            $"{s.Plan.Title} (shares {string.Join(", ", s.Shared.Take(5))}; {s.Score.ToString("P0", CultureInfo.InvariantCulture)} overlap)"));
        return $"This is {plan.Product}'s first plan. Plans of products with a similar feature set: {offers}. `baseline <product> <version>` copies one's answers as a starting point, each to confirm.";
    }
}
