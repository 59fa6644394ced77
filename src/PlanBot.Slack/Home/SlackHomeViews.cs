using System.Globalization;
using System.Text;
using PlanBot.Conversations.Engine;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;
using PlanBot.Slack.Blocks;
using PlanBot.Slack.Rendering;

namespace PlanBot.Slack.Home;

/// <summary>
/// PlanBot's Home tab in Slack: the same three lists as the Teams tab (plans I own, waiting for my
/// decision, assigned to me), each plan with a button that opens it; and the plan as a modal.
/// People's text is escaped and cut to Slack's limits.
/// </summary>
public static class SlackHomeViews
{
    /// <summary>Plans each list shows; Slack's 100-block budget holds three lists of this many.</summary>
    public const int ListLength = 10;

    public static HomeView Home(MyPlans mine)
    {
        ArgumentNullException.ThrowIfNull(mine);
        var blocks = new List<Block>
        {
            new HeaderBlock(new PlainText("Deployment plans")),
            new ContextBlock([new Mrkdwn("Type `/plan <product> <version>` to start or resume a plan; open one below to read it.")]),
        };
        List(blocks, "Plans I own", mine.Owned, "You own no plan yet.");
        List(blocks, "Waiting for my decision", mine.Waiting, "No plan is waiting for your decision.");
        List(blocks, "Assigned to me", mine.Assigned, "No section of a plan is assigned to you.");
        return new HomeView(blocks);
    }

    /// <summary>The plan as the Home tab opens it: its facts, every section's answers, and its decisions.</summary>
    public static ModalView Plan(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var completeness = plan.Completeness();
        var blocks = new List<Block>
        {
            new HeaderBlock(new PlainText(SlackMrkdwn.Plain(plan.Title, BlockLimits.HeaderText))),
            new SectionBlock(null,
            [
                new Mrkdwn($"*State*\n{PlanWording.State(plan.State)}, revision {plan.Revision}"),
                new Mrkdwn(SlackMrkdwn.Cut($"*Owner*\n{SlackMrkdwn.Escape(plan.Owner.ToString())}", BlockLimits.FieldText)),
                new Mrkdwn(string.Create(CultureInfo.InvariantCulture, $"*Complete*\n{completeness.Percent}% ({completeness.Answered} of {completeness.Total})")),
            ]),
        };
        foreach (var section in SectionInfo.All)
        {
            var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"*{section.Number}. {section.Title}*");
            foreach (var question in PlanChecklist.In(section.Section))
            {
                var answer = plan.AnswerTo(question.Id);
                var shown = answer is null ? "_not answered_" : SlackMrkdwn.Escape(answer.Value.Text.ReplaceLineEndings(" "));
                var carried = answer is { IsUnconfirmed: true } ? " _(carried over, not confirmed)_" : string.Empty;
                text.Append(CultureInfo.InvariantCulture, $"\n• {question.Text}: {shown}{carried}");
            }

            blocks.Add(new SectionBlock(new Mrkdwn(SlackMrkdwn.Cut(text.ToString(), BlockLimits.SectionText))));
        }

        var decisions = plan.Decisions.Count == 0
            ? "No decisions yet."
            : string.Join('\n', plan.Decisions.TakeLast(10).Select(d =>
                $"{SlackMrkdwn.Escape(d.Approver.ToString())} {(d.Verdict == Verdict.Approve ? "approved" : "rejected")} revision {d.Revision}{(d.Stale ? " (stale)" : string.Empty)}"));
        blocks.Add(new SectionBlock(new Mrkdwn(SlackMrkdwn.Cut($"*Approval record*\n{decisions}", BlockLimits.SectionText))));
        blocks.Add(new ContextBlock([new Mrkdwn(SlackMrkdwn.Cut($"Type `/plan {SlackMrkdwn.Escape(plan.Product)} {SlackMrkdwn.Escape(plan.Version)}` to work on it, `export docx` for the document.", BlockLimits.SectionText))]));
        return new ModalView(new PlainText("Deployment plan"), blocks) { Close = new PlainText("Close") };
    }

    private static void List(List<Block> blocks, string heading, IReadOnlyList<Plan> plans, string empty)
    {
        blocks.Add(new DividerBlock());
        blocks.Add(new HeaderBlock(new PlainText(string.Create(CultureInfo.InvariantCulture, $"{heading} ({plans.Count})"))));
        if (plans.Count == 0)
        {
            blocks.Add(new ContextBlock([new PlainText(empty)]));
            return;
        }

        foreach (var plan in plans.Take(ListLength))
        {
            var line = string.Create(CultureInfo.InvariantCulture, $"*{SlackMrkdwn.Escape(plan.Title)}*  {PlanWording.State(plan.State)}, {plan.Completeness().Percent}% complete, owner {SlackMrkdwn.Escape(plan.Owner.ToString())}");
            blocks.Add(new SectionBlock(new Mrkdwn(SlackMrkdwn.Cut(line, BlockLimits.SectionText)))
            {
                Accessory = new ButtonElement(SlackIds.HomeOpenPlan, new PlainText("Open")) { Value = plan.Id },
            });
        }

        if (plans.Count > ListLength)
        {
            blocks.Add(new ContextBlock([new PlainText(string.Create(CultureInfo.InvariantCulture, $"And {plans.Count - ListLength} more: the Plans tab in Teams or `/plan list` shows them all."))]));
        }
    }
}
