using System.Text.RegularExpressions;
using PlanBot.Domain.Plans;

namespace PlanBot.Domain.Reuse;

/// <summary>A plan of another product whose features and components overlap this one's, and the shared terms.</summary>
public sealed record SimilarPlan(Plan Plan, double Score, IReadOnlyList<string> Shared);

/// <summary>
/// Finds plans of other products with a similar feature set (OpenUP step 1 for a team's first
/// release): the overlap of the words naming features and components.
/// </summary>
public static partial class SimilarPlans
{
    /// <summary>The questions whose answers say what a release contains: all the ranking reads of a plan's answers.</summary>
    public static readonly IReadOnlyList<string> Questions = ["features", "valuable-features", "components"];

    private static readonly HashSet<string> Ignored = new(
        ["the", "and", "for", "with", "from", "into", "our", "new", "all", "are", "this", "that", "release", "feature", "features", "component", "components", "service", "version"],
        StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<SimilarPlan> Rank(Plan plan, IEnumerable<Plan> others, int take = 3)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var mine = Terms(plan);
        // Stryker disable once Block,Statement : with no terms of its own a plan shares none, so the filter below returns nothing anyway; returning early only saves the work
        if (mine.Count == 0)
        {
            return [];
        }

        return others
            .Where(o => !string.Equals(o.Product, plan.Product, StringComparison.OrdinalIgnoreCase) && o.State != PlanState.Cancelled)
            .GroupBy(o => o.Product, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.OrderByDescending(p => p.Version, VersionOrder.Instance).First())
            .Select(o =>
            {
                var theirs = Terms(o);
                var shared = mine.Intersect(theirs, StringComparer.OrdinalIgnoreCase).OrderBy(t => t, StringComparer.Ordinal).ToList();
                var union = mine.Union(theirs, StringComparer.OrdinalIgnoreCase).Count();
                return new SimilarPlan(o, union == 0 ? 0 : (double)shared.Count / union, shared);
            })
            .Where(s => s.Shared.Count > 0)
            .OrderByDescending(s => s.Score)
            .Take(take)
            .ToList();
    }

    private static HashSet<string> Terms(Plan plan)
    {
        var text = string.Join(' ', Questions.Select(id => plan.AnswerTo(id)?.Value.Text ?? string.Empty));
        return Word().Matches(text)
            .Select(m => m.Value.ToLowerInvariant())
            .Where(w => w.Length >= 3 && !Ignored.Contains(w))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"[\p{L}][\p{L}\p{N}\-]*")]
    private static partial Regex Word();
}
