using PlanBot.Conversations.Views;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;
using PlanBot.Domain.Reuse;

namespace PlanBot.Conversations.Engine;

/// <summary>Builds the summary view of a plan, the same for <c>status</c>, <c>show</c> and the end of the interview.</summary>
public static class PlanSummaries
{
    public static PlanSummaryView Build(Plan plan, bool full, DateTimeOffset? now = null, Plan? baseline = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var completeness = plan.Completeness();
        var complete = completeness.CompleteSections.ToHashSet();
        var handedOut = plan.OpenAssignments().ToDictionary(a => a.Section, a => a.Assignee.ToString());
        var sections = SectionInfo.All.Select(info => new SectionSummary(
                info.Number,
                info.Title,
                complete.Contains(info.Section),
                PlanChecklist.In(info.Section).Select(q =>
                {
                    var answer = plan.AnswerTo(q.Id);
                    return new ItemSummary(
                        q.Id,
                        q.Text,
                        answer?.Value.Text,
                        answer?.Provenance.AnsweredBy.ToString(),
                        answer?.Provenance.At,
                        answer?.IsUnconfirmed ?? false);
                }).ToList(),
                handedOut.GetValueOrDefault(info.Section)))
            .ToList();

        return new PlanSummaryView(
            plan.Id,
            plan.Title,
            PlanWording.State(plan.State),
            plan.Owner.ToString(),
            completeness.Percent,
            completeness.Answered,
            completeness.Total,
            sections,
            completeness.Missing.Select(q => $"{SectionInfo.Of(q.Section).Number}. {q.Text}").ToList(),
            completeness.Unconfirmed.Select(q => $"{SectionInfo.Of(q.Section).Number}. {q.Text}").ToList(),
            full,
            now is { } at ? ScheduleCheck.Warnings(plan, at) : null,
            plan.BaselineTitle,
            baseline is null ? null : Changes(baseline, plan));
    }

    private static List<string> Changes(Plan baseline, Plan plan) =>
        Baseline.Compare(baseline, plan)
            .Where(c => c.Kind != ChangeKind.Kept)
            .Select(c => c.Kind switch
            {
                ChangeKind.Changed => $"Changed: {c.Question.Text}",
                ChangeKind.Added => $"New for this release: {c.Question.Text}",
                ChangeKind.Removed => $"Removed: {c.Question.Text}",
                _ => $"Not yet confirmed: {c.Question.Text}",
            })
            .ToList();
}
