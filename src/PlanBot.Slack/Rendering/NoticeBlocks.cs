using PlanBot.Conversations.Views;
using PlanBot.Slack.Blocks;

namespace PlanBot.Slack.Rendering;

/// <summary>A short message; long ones (lists, history) fill several sections. People to notify are real mentions.</summary>
public static class NoticeBlocks
{
    public static BlockKitMessage Render(NoticeView notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var mark = notice.Tone switch
        {
            Tone.Problem or Tone.Warning => "⚠️ ",
            Tone.Success => "✅ ",
            _ => string.Empty,
        };
        var mentions = notice.Mentions is { Count: > 0 } people ? "\n" + SlackPeople.List(people) : string.Empty;
        var text = mark + SlackMrkdwn.Escape(notice.Text) + mentions;
        var chunks = text.Trim().Length == 0 ? ["(no text)"] : SlackMrkdwn.Chunks(text, BlockLimits.SectionText);
        var blocks = chunks.Take(BlockLimits.MessageBlocks).Select(chunk => (Block)new SectionBlock(new Mrkdwn(chunk))).ToList();
        if (chunks.Count > BlockLimits.MessageBlocks)
        {
            blocks[^1] = new SectionBlock(new Mrkdwn(SlackMrkdwn.Cut(chunks[BlockLimits.MessageBlocks - 1] + "\n…", BlockLimits.SectionText)));
        }

        return new BlockKitMessage(SlackMrkdwn.Cut(text, 3000), blocks);
    }
}
