using System.Globalization;
using System.Text;
using PlanBot.Conversations.Views;

namespace PlanBot.Conversations.Tests.Fakes;

/// <summary>
/// A plain rendering of views for scripts to read: the first line names the view and its key
/// (<c>question features</c>, <c>notice Problem</c>, <c>summary 100%</c>, <c>help</c>), the
/// lines after it carry the view's text fields. An export's Markdown follows its heading and link
/// lines unchanged, so scripts can parse the document as the user gets it.
/// </summary>
public static class TextViews
{
    public static string Render(View view) => view switch
    {
        QuestionView q => Question(q),
        SectionFormView f => Form(f),
        RunSheetView r => $"runsheet {r.PlanTitle} ({r.Stage}{(r.Running ? ", running" : string.Empty)})\n" + string.Join('\n', r.Steps.Select(x => $"step {x.Number} {x.Component}{(x.Nodes.Count > 0 ? " on " + string.Join(", ", x.Nodes) : string.Empty)}{(x.After.Count > 0 ? " after " + string.Join(", ", x.After) : string.Empty)}{(x.Done is null ? string.Empty : x.Done.Value ? $" [done by {x.ReportedBy}]" : $" [problem by {x.ReportedBy}: {x.Note}]")}")) + (r.BackoutTrigger is null ? string.Empty : $"\nbackout trigger: {r.BackoutTrigger}"),
        SuccessChecklistView c => $"checklist {c.PlanTitle} ({c.Stage}{(c.Open ? ", open" : string.Empty)}) for {string.Join(", ", c.Crew)}\n" + string.Join('\n', c.Criteria.Select(x => $"criterion {x.Number} {x.Text}{(x.Passed is null ? string.Empty : x.Passed.Value ? " [passed]" : $" [failed: {x.Note}]")}")),
        NoticeView n => $"notice {n.Tone}\n{n.Text}{(n.Mentions is { Count: > 0 } m ? $"\nmentions: {string.Join(", ", m)}" : string.Empty)}",
        HelpView h => Help(h),
        PlanSummaryView s => Summary(s),
        ApprovalView a => $"approval {a.PlanTitle} revision {a.Revision}, {a.State}{(a.ForApprover ? ", for an approver" : string.Empty)}\nawaiting: {string.Join(", ", a.Awaiting ?? [])}\n{string.Concat((a.Timeline ?? []).Select(t => $"timeline: {t}\n"))}{string.Concat((a.Gates ?? []).Select(g => $"gate: {g}\n"))}{Summary(a.Summary)}",
        ExportView e => Export(e),
        _ => throw new ArgumentOutOfRangeException(nameof(view), view.GetType().Name, "No test rendering for this view."),
    };

    private static string Question(QuestionView q)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"question {q.QuestionId} ({q.Number}/{q.Total}) in section {q.SectionNumber} {q.SectionTitle} of {q.PlanTitle}\n");
        text.Append(CultureInfo.InvariantCulture, $"{q.Text}\n");
        text.Append(CultureInfo.InvariantCulture, $"expected: {q.ExpectedForm}\n");
        Line(text, "hint", q.Hint);
        Line(text, "current", q.CurrentAnswer);
        Line(text, "problem", q.Problem);
        Line(text, "note", q.Note);
        return text.ToString().TrimEnd();
    }

    /// <summary>
    /// <c>form section 1 Scope and overview of Contoso.Web 2.4 (asks features)</c>: the question a typed
    /// reply would answer is the first one open; then a line per field.
    /// </summary>
    private static string Form(SectionFormView f)
    {
        var asks = f.Fields.FirstOrDefault(x => x.Value is null || x.CarriedOver) ?? f.Fields[0];
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"form section {f.SectionNumber} {f.SectionTitle} of {f.PlanTitle}{(f.ReadBack ? ", read back" : $" (asks {asks.QuestionId})")}\n");
        foreach (var field in f.Fields)
        {
            text.Append(CultureInfo.InvariantCulture, $"field {field.QuestionId}: {field.Value ?? "(empty)"}");
            text.Append(field.Understood is null ? string.Empty : $" [understood: {field.Understood}]");
            text.Append(field.CarriedOver ? " [carried over]" : string.Empty);
            text.Append(field.Flags.Count > 0 ? $" [flags: {string.Join("; ", field.Flags)}]" : string.Empty);
            text.Append(field.Problem is null ? string.Empty : $" [problem: {field.Problem}]");
            text.Append('\n');
        }

        Line(text, "problem", f.Problem);
        Line(text, "note", f.Note);
        text.Append(f.CanKeepUnflagged ? "offers: keep everything not flagged\n" : string.Empty);
        return text.ToString().TrimEnd();
    }

    private static string Help(HelpView help)
    {
        var text = new StringBuilder("help\n");
        Line(text, "intro", help.Intro);
        foreach (var command in help.Commands)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {command.Usage}: {command.Description}\n");
        }

        return text.ToString().TrimEnd();
    }

    private static string Summary(PlanSummaryView s)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"summary {s.Percent}% ({s.Answered}/{s.Total}) of {s.PlanTitle}, {s.State}, owner {s.Owner}{(s.Full ? ", in full" : string.Empty)}{(s.CanSubmit ? ", can submit" : string.Empty)}\n");
        foreach (var section in s.Sections)
        {
            text.Append(CultureInfo.InvariantCulture, $"section {section.Number} {section.Title}{(section.Complete ? " (complete)" : string.Empty)}{(section.AssignedTo is null ? string.Empty : $" (with {section.AssignedTo})")}\n");
            if (!s.Full)
            {
                continue;
            }

            foreach (var item in section.Items)
            {
                var answer = item.Answer is null ? "(no answer)" : $"{item.Answer} [by {item.AnsweredBy}{(item.CarriedOver ? ", carried over" : string.Empty)}]";
                text.Append(CultureInfo.InvariantCulture, $"  {item.QuestionId}: {answer}\n");
            }
        }

        foreach (var missing in s.Missing)
        {
            text.Append(CultureInfo.InvariantCulture, $"missing: {missing}\n");
        }

        foreach (var unconfirmed in s.Unconfirmed)
        {
            text.Append(CultureInfo.InvariantCulture, $"unconfirmed: {unconfirmed}\n");
        }

        foreach (var warning in s.Warnings ?? [])
        {
            text.Append(CultureInfo.InvariantCulture, $"warning: {warning}\n");
        }

        Line(text, "baseline", s.BaselineTitle);
        foreach (var change in s.ChangesFromBaseline ?? [])
        {
            text.Append(CultureInfo.InvariantCulture, $"against the baseline: {change}\n");
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>The heading, the link and how long it lasts, then the Markdown as is (or a line saying it went by link only).</summary>
    private static string Export(ExportView e)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"export {e.PlanTitle}\n");
        Line(text, "link", e.Link?.ToString());
        Line(text, "format", e.Format == PlanBot.Conversations.Ports.ExportFormat.Word ? "docx" : null);
        text.Append(CultureInfo.InvariantCulture, $"link lifetime: {e.LinkLifetime.TotalMinutes} minutes\n");
        text.Append(e.Markdown is null ? "markdown: by link only\n" : $"markdown:\n{e.Markdown}");
        return text.ToString().TrimEnd();
    }

    private static void Line(StringBuilder text, string label, string? value)
    {
        if (value is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"{label}: {value}\n");
        }
    }
}
