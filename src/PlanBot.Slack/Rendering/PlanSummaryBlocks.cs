using System.Globalization;
using System.Text;
using PlanBot.Cards.Actions;
using PlanBot.Conversations.Views;
using PlanBot.Slack.Blocks;

namespace PlanBot.Slack.Rendering;

/// <summary>
/// The plan at a glance (<c>status</c>) or in full (<c>show</c>). The full form gives every answer a
/// block of its own while 50 blocks allow, and otherwise one block per section; long answers are cut
/// so the message stays well under Slack's practical size (PROTOCOLS.md 7.6).
/// </summary>
public static class PlanSummaryBlocks
{
    /// <summary>Characters of answers one full summary carries at most; Slack refuses far smaller messages than 50 full blocks.</summary>
    public const int AnswerBudget = 12_000;

    public static BlockKitMessage Render(PlanSummaryView summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var top = Top(summary);
        var tail = Tail(summary);
        var body = summary.Full ? FullSections(summary, BlockLimits.MessageBlocks - top.Count - tail.Count) : [Overview(summary)];
        var fallback = $"Deployment plan for {summary.PlanTitle}: {summary.Percent}% complete ({summary.Answered} of {summary.Total} answered), {summary.State}";
        return new BlockKitMessage(SlackMrkdwn.Fit(fallback, BlockLimits.SectionText, "…"), [.. top, .. body, .. tail]);
    }

    private static List<Block> Top(PlanSummaryView s)
    {
        var fields = new List<TextObject>
        {
            new Mrkdwn($"*State*\n{SlackMrkdwn.Fit(s.State, 500, "…")}"),
            new Mrkdwn($"*Owner*\n{SlackMrkdwn.Fit(s.Owner, 500, "…")}"),
            new Mrkdwn(string.Create(CultureInfo.InvariantCulture, $"*Complete*\n{s.Percent}% ({s.Answered} of {s.Total} answered)")),
        };
        if (s.BaselineTitle is not null)
        {
            fields.Add(new Mrkdwn($"*Baseline*\n{SlackMrkdwn.Fit(s.BaselineTitle, 500, "…")}"));
        }

        var blocks = new List<Block>
        {
            new HeaderBlock(new PlainText(SlackMrkdwn.Plain($"Deployment plan: {s.PlanTitle}", BlockLimits.HeaderText))),
            new SectionBlock(null, fields),
        };
        if (Warnings(s) is { } warnings)
        {
            blocks.Add(warnings);
        }

        blocks.Add(new DividerBlock());
        return blocks;
    }

    /// <summary>The schedule warnings, one line each; null when there are none.</summary>
    internal static SectionBlock? Warnings(PlanSummaryView s) =>
        s.Warnings is { Count: > 0 } warnings
            ? new SectionBlock(new Mrkdwn(SlackMrkdwn.Cut(string.Join('\n', warnings.Select(w => $"⚠️ {SlackMrkdwn.Fit(w, 500, "…")}")), BlockLimits.SectionText)))
            : null;

    private static SectionBlock Overview(PlanSummaryView s)
    {
        var lines = s.Sections.Select(section => SectionLine(section));
        return new SectionBlock(new Mrkdwn(SlackMrkdwn.Cut(string.Join('\n', lines), BlockLimits.SectionText)));
    }

    private static string SectionLine(SectionSummary section)
    {
        var mark = section.Complete ? "✅" : "⬜";
        var answered = section.Items.Count(i => i.Answer is not null && !i.CarriedOver);
        var line = string.Create(CultureInfo.InvariantCulture, $"{mark} *{section.Number}. {SlackMrkdwn.Escape(section.Title)}* ({answered}/{section.Items.Count})");
        return section.AssignedTo is null ? line : $"{line} · with {SlackMrkdwn.Escape(section.AssignedTo)}";
    }

    private static List<Block> FullSections(PlanSummaryView s, int room)
    {
        var answered = Math.Max(1, s.Sections.Sum(x => x.Items.Count(i => i.Answer is not null)));
        var perAnswer = Math.Clamp(AnswerBudget / answered, 300, 2500);
        var itemBlocks = s.Sections.Sum(x => 1 + x.Items.Count);
        var blocks = new List<Block>();
        foreach (var section in s.Sections)
        {
            var cut = $"… (cut to fit; `/plan edit {section.Number}` shows it whole)";
            var items = section.Items.Select(item => Item(item, perAnswer, cut)).ToList();
            if (itemBlocks <= room)
            {
                blocks.Add(new SectionBlock(new Mrkdwn(SectionLine(section))));
                blocks.AddRange(items.Select(text => new SectionBlock(new Mrkdwn(text))));
            }
            else
            {
                // Too many items for a block each: one block per section, its answers shortened to share it.
                var share = Math.Max(100, (BlockLimits.SectionText - 200) / Math.Max(1, section.Items.Count));
                var merged = section.Items.Select(item => Item(item, share, cut));
                blocks.Add(new SectionBlock(new Mrkdwn(Join(SectionLine(section), merged))));
            }
        }

        return blocks;
    }

    private static string Join(string head, IEnumerable<string> items)
    {
        var text = new StringBuilder(head);
        foreach (var item in items)
        {
            if (text.Length + 1 + item.Length > BlockLimits.SectionText)
            {
                break;
            }

            text.Append('\n').Append(item);
        }

        return text.ToString();
    }

    private static string Item(ItemSummary item, int answerRoom, string cut)
    {
        var question = $"*{SlackMrkdwn.Fit(item.Question, 300, "…")}*";
        if (item.Answer is null)
        {
            return $"{question}\n_not answered_";
        }

        var who = item.AnsweredBy is null ? string.Empty : $" _({SlackMrkdwn.Fit(item.AnsweredBy, 100, "…")}{(item.CarriedOver ? ", carried over, not confirmed" : string.Empty)})_";
        var room = Math.Min(answerRoom, BlockLimits.SectionText - question.Length - who.Length - 1);
        return $"{question}\n{SlackMrkdwn.Fit(item.Answer, room, cut)}{who}";
    }

    private static List<Block> Tail(PlanSummaryView s)
    {
        var blocks = new List<Block>();
        AddList(blocks, "Missing", s.Missing);
        AddList(blocks, "Carried over, not confirmed", s.Unconfirmed);
        if (s.ChangesFromBaseline is { Count: > 0 } changes)
        {
            AddList(blocks, $"Changes from {s.BaselineTitle ?? "the baseline"}", changes);
        }

        if (!s.Full)
        {
            blocks.Add(new ContextBlock([new Mrkdwn("`/plan show` shows every answer.")]));
        }

        if (Buttons(s) is { Count: > 0 } buttons)
        {
            blocks.Add(new ActionsBlock(buttons) { BlockId = SlackIds.SummaryBlock });
        }

        return blocks;
    }

    /// <summary>Open sections the summary offers at most, as Teams does.</summary>
    public const int MaxSectionButtons = 5;

    /// <summary>Submit for the owner of a finished plan; else, while drafting, a button to each section still open.</summary>
    private static List<BlockElement> Buttons(PlanSummaryView s)
    {
        if (s.CanSubmit)
        {
            return [new ButtonElement(SlackIds.SubmitPlan, new PlainText("Submit for approval")) { Style = ButtonStyle.Primary, Value = FlatJson.Write((CardDataKeys.PlanId, s.PlanId)) }];
        }

        if (!s.OffersSections)
        {
            return [];
        }

        return s.Sections.Where(section => !section.Complete).Take(MaxSectionButtons)
            .Select(section => (BlockElement)new ButtonElement(SlackIds.OpenSection, new PlainText(string.Create(CultureInfo.InvariantCulture, $"Fill in section {section.Number}")))
            {
                Value = FlatJson.Write((CardDataKeys.PlanId, s.PlanId), (CardDataKeys.Section, section.Number)),
            })
            .ToList();
    }

    private static void AddList(List<Block> blocks, string title, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        var text = $"*{SlackMrkdwn.Escape(title)}*\n" + string.Join('\n', items.Select(i => $"• {SlackMrkdwn.Fit(i, 500, "…")}"));
        blocks.Add(new SectionBlock(new Mrkdwn(SlackMrkdwn.Cut(text, BlockLimits.SectionText))));
    }
}
