using PlanBot.Conversations.Ports;
using System.Globalization;
using System.Text;
using PlanBot.Cards.AdaptiveCards;
using PlanBot.Conversations.Views;

namespace PlanBot.Cards.Text;

/// <summary>
/// Renders views as chat markdown, user text escaped as in cards (<see cref="CardText"/>). It is the
/// fallback every channel understands, and the form used where a card would not add anything
/// (short notices).
/// </summary>
public static class TextRenderer
{
    public static string Render(View view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view switch
        {
            NoticeView notice => Notice(notice),
            QuestionView question => Question(question),
            SectionFormView form => Form(form),
            RunSheetView sheet => RunSheet(sheet),
            SuccessChecklistView checklist => Checklist(checklist),
            HelpView help => Help(help),
            PlanSummaryView summary => Summary(summary),
            ApprovalView approval => Approval(approval),
            ExportView export => Export(export),
            _ => throw new ArgumentOutOfRangeException(nameof(view), view.GetType().Name, "No text form for this view."),
        };
    }

    private static string Notice(NoticeView notice)
    {
        // Notices quote what people typed (a rejection reason, a section name), so the text is
        // escaped, as on cards: nothing in it can link, mention or format; only the bot's commands show as code.
        var body = CardText.EscapeMessage(notice.Text, forCard: false);
        var text = notice.Tone switch
        {
            Tone.Problem => $"⚠️ {body}",
            Tone.Warning => $"⚠️ {body}",
            Tone.Success => $"✅ {body}",
            _ => body,
        };
        return notice.Mentions is { Count: > 0 } people
            ? $"{text}\n\n{string.Join(", ", people.Select(p => CardText.Escape(p.ToString())))}"
            : text;
    }

    private static string Export(ExportView export)
    {
        var link = export.Link is null ? string.Empty : $"Download: {export.Link} (valid for {export.LinkLifetime.TotalMinutes:0} minutes)";
        if (export.Format == ExportFormat.Word)
        {
            return $"The plan for {CardText.Escape(export.PlanTitle)} as a Word document. {link}";
        }

        if (export.Markdown is null)
        {
            return $"The plan for {CardText.Escape(export.PlanTitle)} is too long to show here. {link}";
        }

        // Shown as a code block: the document's answers are people's text, which must not render as markdown.
        var fence = new string('`', Math.Max(3, LongestRun(export.Markdown, '`') + 1));
        return $"{fence}\n{export.Markdown}\n{fence}\n\n{link}";
    }

    private static int LongestRun(string text, char c)
    {
        int longest = 0, run = 0;
        foreach (var ch in text)
        {
            run = ch == c ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    private static string Approval(ApprovalView a)
    {
        var text = new StringBuilder();
        if (a.Notice is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"{CardText.EscapeMessage(a.Notice, forCard: false)}\n\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"**Approval request: deployment plan {CardText.Escape(a.PlanTitle)}**, revision {a.Revision} ({a.State}, owner {CardText.Escape(a.Owner)})\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{a.Summary.Percent}% complete. Approvers: {string.Join(", ", a.Approvers.Select(p => CardText.Escape(p.ToString())))} ({a.Quorum}).");
        foreach (var decision in a.Decisions)
        {
            var verdict = decision.Approved ? "approved" : "rejected";
            var reason = decision.Reason is null ? string.Empty : $": {CardText.Escape(decision.Reason)}";
            var stale = decision.Stale ? " (stale: the plan changed since)" : string.Empty;
            text.Append(CultureInfo.InvariantCulture, $"\n- {CardText.Escape(decision.Approver)} {verdict} revision {decision.Revision} on {decision.At:yyyy-MM-dd HH:mm} UTC{reason}{stale}");
        }

        foreach (var line in a.Timeline ?? [])
        {
            text.Append(CultureInfo.InvariantCulture, $"\n- {CardText.Escape(line)}");
        }

        if (a.Gates is { Count: > 0 } gates)
        {
            text.Append("\n\nDeployments gated by this plan:");
            foreach (var gate in gates)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n- {CardText.Escape(gate)}");
            }
        }

        if (a.ForApprover)
        {
            text.Append("\n\nType `approve`, or `reject <reason>`.");
        }

        return text.ToString();
    }

    private static string Question(QuestionView q)
    {
        var text = new StringBuilder();
        if (q.Problem is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"⚠️ {CardText.EscapeMessage(q.Problem, forCard: false)}\n\n");
        }

        if (q.Note is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"{CardText.EscapeMessage(q.Note, forCard: false)}\n\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"**{CardText.Escape(q.PlanTitle)}** · section {q.SectionNumber}, {q.SectionTitle} · question {q.Number} of {q.Total}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"**{q.Text}**");
        if (q.Hint is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n\n{q.Hint}");
        }

        if (q.Kind != Domain.Checklist.AnswerKind.FreeText)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n\nAnswer with {q.ExpectedForm}.");
        }

        if (q.CurrentAnswer is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n\nCurrent answer: {CardText.Escape(q.CurrentAnswer)}");
        }

        return text.ToString();
    }

    /// <summary>A section as text: its questions and their answers; text has no form, so answers are typed one at a time.</summary>
    private static string Form(SectionFormView form)
    {
        var text = new StringBuilder();
        if (form.Problem is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"⚠️ {CardText.EscapeMessage(form.Problem, forCard: false)}\n\n");
        }

        if (form.Note is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"{CardText.EscapeMessage(form.Note, forCard: false)}\n\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"**{CardText.Escape(form.PlanTitle)}** · section {form.SectionNumber} of {form.SectionCount}, {form.SectionTitle} · {form.Percent}% complete");
        foreach (var field in form.Fields)
        {
            var answer = field.Understood is null ? "_open_" : CardText.Escape(field.Understood);
            var carried = field.CarriedOver ? " (carried over, not confirmed)" : string.Empty;
            text.Append(CultureInfo.InvariantCulture, $"\n- {field.Text} {answer}{carried}");
            if (field.Problem is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n  ⚠️ {CardText.Escape(field.Problem)}");
            }
        }

        if (!form.ReadBack)
        {
            text.Append("\n\nType your answers one at a time: I ask each open question in turn.");
        }

        return text.ToString();
    }

    private static string RunSheet(RunSheetView sheet)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"**Run sheet: {CardText.Escape(sheet.PlanTitle)}** ({sheet.Stage})");
        foreach (var step in sheet.Steps)
        {
            var mark = step.Done switch { true => "✅", false => "⚠️", null => "⬜" };
            var nodes = step.Nodes.Count == 0 ? string.Empty : $" on {CardText.Escape(string.Join(", ", step.Nodes))}";
            var after = step.After.Count == 0 ? string.Empty : $", after {CardText.Escape(string.Join(", ", step.After))}";
            var by = step.ReportedBy is null ? string.Empty : $" ({CardText.Escape(step.ReportedBy)}{(step.Note is null ? string.Empty : $": {CardText.Escape(step.Note)}")})";
            text.Append(CultureInfo.InvariantCulture, $"\n{mark} {step.Number}. {CardText.Escape(step.Component)}{nodes}{after}{by}");
        }

        AppendFact(text, "Delivery team", sheet.DeliveryTeam.Count == 0 ? null : string.Join(", ", sheet.DeliveryTeam));
        AppendFact(text, "Contacts", sheet.Contacts);
        AppendFact(text, "Support", sheet.Support);
        AppendFact(text, "Escalation", sheet.Escalation);
        AppendFact(text, "Backout trigger", sheet.BackoutTrigger);
        if (sheet.Running)
        {
            text.Append("\n\nType `step <n> done` or `step <n> problem <note>`.");
        }

        return text.ToString();
    }

    private static string Checklist(SuccessChecklistView checklist)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"**Success criteria: {CardText.Escape(checklist.PlanTitle)}** ({checklist.Stage})");
        foreach (var criterion in checklist.Criteria)
        {
            var mark = criterion.Passed switch { true => "✅", false => "❌", null => "⬜" };
            var by = criterion.CheckedBy is null ? string.Empty : $" ({CardText.Escape(criterion.CheckedBy)}{(criterion.Note is null ? string.Empty : $": {CardText.Escape(criterion.Note)}")})";
            text.Append(CultureInfo.InvariantCulture, $"\n{mark} {criterion.Number}. {CardText.Escape(criterion.Text)}{by}");
        }

        if (checklist.Open)
        {
            text.Append("\n\nType `check <n> pass` or `check <n> fail <note>`.");
        }

        return text.ToString();
    }

    private static void AppendFact(StringBuilder text, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n\n**{label}:** {CardText.Escape(value)}");
        }
    }

    private static string Help(HelpView help)
    {
        var text = new StringBuilder();
        if (help.Intro is not null)
        {
            text.Append(CardText.EscapeMessage(help.Intro, forCard: false)).Append("\n\n");
        }

        text.Append("Commands:");
        foreach (var command in help.Commands)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n- `{command.Usage}`: {command.Description}");
        }

        return text.ToString();
    }

    private static string Summary(PlanSummaryView s)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"**Deployment plan: {CardText.Escape(s.PlanTitle)}** ({s.State}, owner {CardText.Escape(s.Owner)})\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{s.Percent}% complete: {s.Answered} of {s.Total} questions answered.");
        foreach (var section in s.Sections)
        {
            var mark = section.Complete ? "✅" : "⬜";
            var answered = section.Items.Count(i => i.Answer is not null && !i.CarriedOver);
            text.Append(CultureInfo.InvariantCulture, $"\n\n{mark} **{section.Number}. {section.Title}** ({answered}/{section.Items.Count})");
            if (!s.Full)
            {
                continue;
            }

            foreach (var item in section.Items)
            {
                var answer = item.Answer is null ? "_not answered_" : CardText.Escape(item.Answer);
                var who = item.AnsweredBy is null ? string.Empty : $" ({CardText.Escape(item.AnsweredBy)}{(item.CarriedOver ? ", carried over, not confirmed" : string.Empty)})";
                text.Append(CultureInfo.InvariantCulture, $"\n- {item.Question} {answer}{who}");
            }
        }

        if (s.Missing.Count > 0)
        {
            text.Append("\n\nMissing:");
            foreach (var missing in s.Missing)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n- {missing}");
            }
        }

        if (s.Unconfirmed.Count > 0)
        {
            text.Append("\n\nCarried over, not confirmed:");
            foreach (var item in s.Unconfirmed)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n- {item}");
            }
        }

        return text.ToString();
    }
}
