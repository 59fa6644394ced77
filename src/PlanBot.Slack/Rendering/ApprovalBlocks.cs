using System.Globalization;
using System.Text;
using PlanBot.Cards.Actions;
using PlanBot.Conversations.Views;
using PlanBot.Slack.Blocks;

namespace PlanBot.Slack.Rendering;

/// <summary>
/// The approval request in the release channel: the plan's essentials, its approvers, every
/// decision (stale ones struck through) and Approve / Reject buttons bound to the revision. In Slack
/// everyone sees the same message, so the buttons are always there; the engine checks who clicked.
/// </summary>
public static class ApprovalBlocks
{
    /// <summary>The answers shown on the approval message, each shortened; <c>/plan show</c> has the rest.</summary>
    public static readonly IReadOnlyList<(string QuestionId, string Label)> Essentials =
    [
        ("features", "What"),
        ("deployment-window", "When"),
        ("risks", "Risks"),
        ("escalation", "Escalation"),
    ];

    private const int EssentialLength = 500;

    public static BlockKitMessage Render(ApprovalView approval)
    {
        ArgumentNullException.ThrowIfNull(approval);
        var blocks = new List<Block>
        {
            new HeaderBlock(new PlainText(SlackMrkdwn.Plain($"Deployment plan for approval: {approval.PlanTitle}", BlockLimits.HeaderText))),
        };
        if (approval.Notice is not null)
        {
            blocks.Add(new SectionBlock(new Mrkdwn(SlackMrkdwn.Fit(approval.Notice, BlockLimits.SectionText, "…"))));
        }

        blocks.Add(new SectionBlock(null,
        [
            new Mrkdwn($"*State*\n{SlackMrkdwn.Fit(approval.State, 500, "…")}"),
            new Mrkdwn($"*Owner*\n{SlackMrkdwn.Fit(approval.Owner, 500, "…")}"),
            new Mrkdwn(string.Create(CultureInfo.InvariantCulture, $"*Revision*\n{approval.Revision}")),
            new Mrkdwn($"*Quorum*\n{SlackMrkdwn.Fit(approval.Quorum, 500, "…")}"),
            new Mrkdwn(string.Create(CultureInfo.InvariantCulture, $"*Complete*\n{approval.Summary.Percent}% ({approval.Summary.Answered} of {approval.Summary.Total})")),
            new Mrkdwn($"*Approvers*\n{SlackMrkdwn.Cut(approval.Approvers.Count == 0 ? "none named" : SlackPeople.List(approval.Approvers), 1900)}"),
        ]));

        if (PlanSummaryBlocks.Warnings(approval.Summary) is { } warnings)
        {
            blocks.Add(warnings);
        }

        if (Essential(approval.Summary) is { Length: > 0 } essentials)
        {
            blocks.Add(new SectionBlock(new Mrkdwn(SlackMrkdwn.Cut(essentials, BlockLimits.SectionText))));
        }

        var sections = string.Join('\n', approval.Summary.Sections.Select(s =>
            string.Create(CultureInfo.InvariantCulture, $"{(s.Complete ? "✅" : "⬜")} {s.Number}. {SlackMrkdwn.Escape(s.Title)}")));
        if (sections.Length > 0)
        {
            blocks.Add(new ContextBlock([new Mrkdwn(SlackMrkdwn.Cut(sections, BlockLimits.SectionText))]));
        }

        if (approval.Gates is { Count: > 0 } gates)
        {
            var waiting = "*Deployments gated by this plan*\n" + string.Join('\n', gates.Select(g => "• " + SlackMrkdwn.Escape(g)));
            blocks.Add(new SectionBlock(new Mrkdwn(SlackMrkdwn.Cut(waiting, BlockLimits.SectionText))));
        }

        blocks.Add(new DividerBlock());
        blocks.Add(new SectionBlock(new Mrkdwn(Decisions(approval.Decisions))));
        var value = FlatJson.Write((CardDataKeys.PlanId, approval.PlanId), (CardDataKeys.Revision, approval.Revision));
        blocks.Add(new ActionsBlock(
        [
            new ButtonElement(SlackIds.Approve, new PlainText("Approve"))
            {
                Value = value,
                Style = ButtonStyle.Primary,
                Confirm = new ConfirmDialog(
                    new PlainText("Approve this plan?"),
                    new PlainText(SlackMrkdwn.Plain($"You approve revision {approval.Revision} of the deployment plan for {approval.PlanTitle}.", BlockLimits.ConfirmText)),
                    new PlainText("Approve"),
                    new PlainText("Not yet")),
            },
            new ButtonElement(SlackIds.Reject, new PlainText("Reject")) { Value = value, Style = ButtonStyle.Danger },
        ])
        { BlockId = SlackIds.ApprovalBlock });
        blocks.Add(new ContextBlock([new Mrkdwn("Only the approvers named in the plan can decide. `/plan show` shows the whole plan.")]));

        var fallback = $"Deployment plan for {approval.PlanTitle}, revision {approval.Revision}: {approval.State}";
        return new BlockKitMessage(SlackMrkdwn.Fit(fallback, BlockLimits.SectionText, "…"), blocks);
    }

    private static string Essential(PlanSummaryView summary)
    {
        var items = summary.Sections.SelectMany(s => s.Items).ToDictionary(i => i.QuestionId, StringComparer.Ordinal);
        var text = new StringBuilder();
        foreach (var (id, label) in Essentials)
        {
            if (items.TryGetValue(id, out var item) && item.Answer is not null)
            {
                if (text.Length > 0)
                {
                    text.Append('\n');
                }

                text.Append(CultureInfo.InvariantCulture, $"*{label}:* {SlackMrkdwn.Fit(item.Answer, EssentialLength)}");
            }
        }

        return text.ToString();
    }

    private static string Decisions(IReadOnlyList<DecisionSummary> decisions)
    {
        if (decisions.Count == 0)
        {
            return "*Decisions*\nNo decisions yet.";
        }

        // The newest decisions matter most: keep as many of them as fit, oldest dropped first.
        var lines = new List<string>();
        var length = "*Decisions*\n".Length + 40;
        foreach (var decision in decisions.Reverse())
        {
            var line = Decision(decision);
            if (length + line.Length + 1 > BlockLimits.SectionText)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"_… and {decisions.Count - lines.Count} earlier (`/plan history`)_"));
                break;
            }

            lines.Add(line);
            length += line.Length + 1;
        }

        lines.Reverse();
        return "*Decisions*\n" + string.Join('\n', lines);
    }

    private static string Decision(DecisionSummary d)
    {
        var verb = d.Approved ? "approved" : "rejected";
        var reason = d.Reason is { Length: > 0 } r ? $": {SlackMrkdwn.Fit(r, 300, "…")}" : string.Empty;
        var line = string.Create(CultureInfo.InvariantCulture, $"{(d.Approved ? "✅" : "❌")} {SlackMrkdwn.Fit(d.Approver, 100, "…")} {verb} revision {d.Revision}, {d.At.UtcDateTime:yyyy-MM-dd HH:mm} UTC{reason}");
        return d.Stale ? $"~{line}~ _(no longer counts: the plan changed)_" : line;
    }
}
