using PlanBot.Domain.Answers;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;

namespace PlanBot.Domain.Reuse;

/// <summary>
/// Starting a release's plan from an earlier plan (OpenUP "update the plan"): answers are copied
/// by each question's carry-over rule and marked carried over, not confirmed, until someone keeps
/// or changes them. Release-specific answers (dates, the features in scope) are never copied.
/// </summary>
public static class Baseline
{
    public static Plan StartFrom(Plan baseline, string id, string version, PersonRef owner, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var plan = Plan.Start(id, baseline.TenantId, baseline.Product, version, owner, now);
        return CopyInto(plan, baseline, now);
    }

    /// <summary>Copies a baseline's carried-over answers into a plan for another product (a similar one).</summary>
    public static Plan CopyInto(Plan plan, Plan baseline, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(baseline);
        var answers = new Dictionary<string, Answer>(plan.Answers);
        foreach (var question in PlanChecklist.Questions)
        {
            if (question.CarryOver == CarryOverRule.Clear || baseline.AnswerTo(question.Id) is not { } old || answers.ContainsKey(question.Id))
            {
                continue;
            }

            answers[question.Id] = old with
            {
                Provenance = old.Provenance with { CarriedOver = true, CarriedFromPlanId = baseline.Id },
            };
        }

        return plan with
        {
            BaselinePlanId = baseline.Id,
            BaselineTitle = baseline.Title,
            BaselineVersion = baseline.Version,
            Answers = answers,
            History = [.. plan.History, new PlanEvent(now, plan.Owner, $"Started from the plan for {baseline.Title}: {answers.Count - plan.Answers.Count} answer(s) carried over, to be confirmed", plan.Revision)],
        };
    }

    /// <summary>How each question changed against the baseline, for the summary.</summary>
    public static IReadOnlyList<BaselineChange> Compare(Plan baseline, Plan plan)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(plan);
        var changes = new List<BaselineChange>();
        foreach (var question in PlanChecklist.Questions)
        {
            var before = baseline.AnswerTo(question.Id);
            var after = plan.AnswerTo(question.Id);
            var kind = (before, after) switch
            {
                (null, null) => (ChangeKind?)null,
                (null, _) => ChangeKind.Added,
                (_, null) => ChangeKind.Removed,
                (_, { IsUnconfirmed: true }) => ChangeKind.NotYetConfirmed,
                _ when before.Value.Text == after.Value.Text => ChangeKind.Kept,
                _ => ChangeKind.Changed,
            };
            if (kind is { } change)
            {
                changes.Add(new BaselineChange(question, change, before?.Value.Text, after?.Value.Text));
            }
        }

        return changes;
    }
}

public enum ChangeKind
{
    Kept,
    Changed,
    Added,
    Removed,
    NotYetConfirmed,
}

public sealed record BaselineChange(Question Question, ChangeKind Kind, string? Before, string? After);
