using System.Globalization;
using System.Text;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Engine;

/// <summary>
/// The plan as a Markdown document in the artifact's section order, with who answered what,
/// carried-over markers and the approval record: what <c>export</c> hands to later tasks.
/// </summary>
public static class PlanMarkdown
{
    public static string Render(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var doc = new StringBuilder();
        var completeness = plan.Completeness();
        doc.Append(CultureInfo.InvariantCulture, $"# Deployment plan: {MarkdownText.EscapeInline(plan.Title)}\n\n");
        doc.Append(CultureInfo.InvariantCulture, $"- State: {PlanWording.State(plan.State)}, revision {plan.Revision}\n");
        doc.Append(CultureInfo.InvariantCulture, $"- Owner (deployment engineer): {MarkdownText.EscapeInline(plan.Owner.ToString())}\n");
        doc.Append(CultureInfo.InvariantCulture, $"- Complete: {completeness.Percent}% ({completeness.Answered} of {completeness.Total} checklist questions)\n");
        if (plan.BaselineTitle is not null)
        {
            doc.Append(CultureInfo.InvariantCulture, $"- Started from the plan for {MarkdownText.EscapeInline(plan.BaselineTitle)}\n");
        }

        foreach (var section in SectionInfo.All)
        {
            doc.Append(CultureInfo.InvariantCulture, $"\n## {section.Number}. {section.Title}\n\n_{section.Holds}_\n");
            foreach (var question in PlanChecklist.In(section.Section))
            {
                var answer = plan.AnswerTo(question.Id);
                doc.Append(CultureInfo.InvariantCulture, $"\n**{question.Text}**\n\n");
                if (answer is null)
                {
                    doc.Append("_Not answered._\n");
                    continue;
                }

                doc.Append(Quote(answer.Value.Text)).Append('\n');
                var carried = answer.IsUnconfirmed ? "; carried over, not confirmed" : string.Empty;
                doc.Append(CultureInfo.InvariantCulture, $"\n<sub>{MarkdownText.EscapeInline(answer.Provenance.AnsweredBy.ToString())}, {answer.Provenance.At:yyyy-MM-dd HH:mm} UTC{carried}</sub>\n");
            }
        }

        doc.Append("\n## Approval record\n\n");
        doc.Append(CultureInfo.InvariantCulture, $"Approvers: {(plan.Approvers.Count == 0 ? "none named" : string.Join(", ", plan.Approvers.Select(a => MarkdownText.EscapeInline(a.ToString()))))}; quorum: {(plan.Quorum == Quorum.All ? "all" : "any one")}.\n\n");
        if (plan.Decisions.Count == 0)
        {
            doc.Append("No decisions yet.\n");
        }

        foreach (var decision in plan.Decisions)
        {
            var verdict = decision.Verdict == Verdict.Approve ? "approved" : "rejected";
            var reason = decision.Reason is null ? string.Empty : $": {MarkdownText.EscapeInline(decision.Reason)}";
            var stale = decision.Stale ? " (stale: the plan changed afterwards)" : string.Empty;
            doc.Append(CultureInfo.InvariantCulture, $"- {decision.At:yyyy-MM-dd HH:mm} UTC, {MarkdownText.EscapeInline(decision.Approver.ToString())} {verdict} revision {decision.Revision}{reason}{stale}\n");
        }

        return doc.ToString();
    }

    /// <summary>An answer as a block quote, each of its lines escaped, so it reads as typed and stays inside the quote.</summary>
    private static string Quote(string text) => string.Join('\n', MarkdownText.EscapeLines(text).Select(line => "> " + line));
}
