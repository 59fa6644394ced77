using PlanBot.Conversations.Views;
using PlanBot.Slack.Blocks;

namespace PlanBot.Slack.Rendering;

/// <summary>The command list, as typed in a direct message, after <c>/plan</c>, or after an @mention in a channel.</summary>
public static class HelpBlocks
{
    public static BlockKitMessage Render(HelpView help)
    {
        ArgumentNullException.ThrowIfNull(help);
        var blocks = new List<Block>();
        if (help.Intro is not null)
        {
            blocks.Add(new SectionBlock(new Mrkdwn(SlackMrkdwn.Fit(help.Intro, BlockLimits.SectionText, "…"))));
        }

        var lines = help.Commands.Select(c => $"`{SlackMrkdwn.Escape(c.Usage)}` {SlackMrkdwn.Escape(c.Description)}");
        foreach (var chunk in SlackMrkdwn.Chunks("*Commands*\n" + string.Join('\n', lines), BlockLimits.SectionText).Take(BlockLimits.MessageBlocks - 2))
        {
            blocks.Add(new SectionBlock(new Mrkdwn(chunk)));
        }

        blocks.Add(new ContextBlock([new Mrkdwn(
            "Type a command after `/plan` anywhere, or on its own in a direct message with me; in a channel, @mention me first.")]));
        var fallback = help.Intro ?? "PlanBot commands: " + string.Join(", ", help.Commands.Select(c => c.Usage));
        return new BlockKitMessage(SlackMrkdwn.Fit(fallback, BlockLimits.SectionText, "…"), blocks);
    }
}
