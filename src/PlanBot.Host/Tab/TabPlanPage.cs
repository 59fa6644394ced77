using System.Globalization;
using System.Text;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;
using PlanBot.Domain.Reuse;
using PlanBot.Host.Plans;
using static PlanBot.Host.Tab.TabHtml;

namespace PlanBot.Host.Tab;

/// <summary>
/// One plan as the tab shows it: every section and answer with who gave it and when, carried-over
/// markers, assignments, what changed against the plan it started from, the approval record and the
/// history, with a way into the chat and the documents to download.
/// </summary>
internal static class TabPlanPage
{
    public static string Render(PlanDocument document, Uri? chat, IExportLinks exports, Plan? baseline = null)
    {
        var plan = document.Plan;
        var completeness = plan.Completeness();
        var html = new StringBuilder();
        html.Append("<article class=\"plan\">");
        html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{E(TabListPages.SearchAction)}?product={E(Uri.EscapeDataString(plan.Product))}\" data-fragment>All releases of {E(plan.Product)}</a></p>");
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"plan-title\" tabindex=\"-1\">Deployment plan: {E(plan.Title)}</h2>");
        html.Append("<dl class=\"facts\">");
        Fact(html, "State", $"{StateBadge(plan.State)} revision {plan.Revision}");
        Fact(html, "Owner", E(plan.Owner.ToString()));
        Fact(html, "Complete", E(string.Create(CultureInfo.InvariantCulture, $"{completeness.Percent}% ({completeness.Answered} of {completeness.Total} questions)")));
        Fact(html, "Started", E(PlanRecordText.At(plan.CreatedAt)));
        if (plan.BaselineTitle is not null)
        {
            Fact(html, "Started from", E(plan.BaselineTitle));
        }

        html.Append("</dl><p class=\"actions\">");
        if (chat is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<a href=\"{E(chat.AbsoluteUri)}\" target=\"_blank\" rel=\"noopener\" data-teams-link>Open in chat</a> ");
        }

        html.Append(CultureInfo.InvariantCulture, $"<a href=\"{E(exports.Create(plan.TenantId, plan.Id, ExportFormat.Word).PathAndQuery)}\" download>Download as Word document</a> ");
        html.Append(CultureInfo.InvariantCulture, $"<a href=\"{E(exports.Create(plan.TenantId, plan.Id).PathAndQuery)}\" download>Download as Markdown</a></p>");

        foreach (var section in SectionInfo.All)
        {
            Section(html, plan, section);
        }

        if (baseline is not null)
        {
            Changes(html, baseline, plan);
        }

        Record(html, plan);
        html.Append("</article>");
        return html.ToString();
    }

    private static void Section(StringBuilder html, Plan plan, SectionInfo section)
    {
        var id = $"section-{section.Number}";
        html.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"{id}\"><h3 id=\"{id}\">{section.Number}. {E(section.Title)}</h3><p class=\"holds\">{E(section.Holds)}</p>");
        foreach (var assignment in plan.Assignments.Where(a => a.Section == section.Section))
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"assigned\">Assigned to {E(assignment.Assignee.ToString())} on {E(PlanRecordText.At(assignment.At))}</p>");
        }

        html.Append("<dl class=\"answers\">");
        foreach (var question in PlanChecklist.In(section.Section))
        {
            html.Append(CultureInfo.InvariantCulture, $"<dt>{E(question.Text)}</dt>");
            if (plan.AnswerTo(question.Id) is not { } answer)
            {
                html.Append("<dd class=\"unanswered\">Not answered.</dd>");
                continue;
            }

            var marker = answer.IsUnconfirmed ? " <span class=\"carried\">Carried over, not confirmed</span>" : string.Empty;
            html.Append(CultureInfo.InvariantCulture, $"<dd><div class=\"answer\">{E(answer.Value.Text)}</div><div class=\"provenance\">{E(PlanRecordText.Provenance(plan, answer))}{marker}</div></dd>");
        }

        html.Append("</dl></section>");
    }

    /// <summary>What this release's plan says differently from the plan it started from, question by question.</summary>
    private static void Changes(StringBuilder html, Plan baseline, Plan plan)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"changes\"><h3 id=\"changes\">Changes since {E(baseline.Title)}</h3>");
        var changes = Baseline.Compare(baseline, plan).Where(c => c.Kind != ChangeKind.Kept).ToList();
        if (changes.Count == 0)
        {
            html.Append("<p class=\"empty\">Every answer is as it was.</p></section>");
            return;
        }

        html.Append("<dl class=\"changes\">");
        foreach (var change in changes)
        {
            var what = change.Kind switch
            {
                ChangeKind.Changed => $"Changed. Was: {change.Before}",
                ChangeKind.Added => "New in this release.",
                ChangeKind.Removed => $"Removed. Was: {change.Before}",
                _ => "Carried over, not confirmed yet.",
            };
            html.Append(CultureInfo.InvariantCulture, $"<dt>{E(change.Question.Text)}</dt><dd class=\"{E(change.Kind.ToString().ToLowerInvariant())}\">{E(what)}</dd>");
        }

        html.Append("</dl></section>");
    }

    private static void Record(StringBuilder html, Plan plan)
    {
        html.Append("<section aria-labelledby=\"approval-record\"><h3 id=\"approval-record\">Approval record</h3>");
        html.Append(CultureInfo.InvariantCulture, $"<p>{E(PlanRecordText.Approvers(plan))}</p>");
        var waiting = plan.AwaitingDecision();
        if (waiting.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>Waiting for: {E(string.Join(", ", waiting.Select(p => p.ToString())))}</p>");
        }

        Items(html, "decisions", plan.Decisions.Select(PlanRecordText.Decision), "No decisions yet.");
        html.Append("</section><section aria-labelledby=\"history\"><h3 id=\"history\">History</h3>");
        Items(html, "history", plan.History.Select(PlanRecordText.Event), "No history.");
        html.Append("</section>");
    }

    private static void Items(StringBuilder html, string kind, IEnumerable<string> items, string empty)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"empty\">{E(empty)}</p>");
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<ol class=\"{kind}\">");
        foreach (var item in list)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{E(item)}</li>");
        }

        html.Append("</ol>");
    }

    private static void Fact(StringBuilder html, string name, string valueHtml) =>
        html.Append(CultureInfo.InvariantCulture, $"<div><dt>{E(name)}</dt><dd>{valueHtml}</dd></div>");
}
