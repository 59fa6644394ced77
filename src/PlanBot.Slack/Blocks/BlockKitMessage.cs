namespace PlanBot.Slack.Blocks;

/// <summary>
/// A message's content: up to 50 blocks and the <see cref="Text"/> Slack shows in notifications
/// and where blocks cannot be shown.
/// </summary>
public sealed class BlockKitMessage
{
    public BlockKitMessage(string text, IEnumerable<Block> blocks)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        Blocks = BlockLimits.Count(blocks, 1, BlockLimits.MessageBlocks, "a message's blocks");
    }

    public string Text { get; }

    public IReadOnlyList<Block> Blocks { get; }
}
