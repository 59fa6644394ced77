namespace PlanBot.Slack.Blocks;

/// <summary>A row of one to 25 interactive elements (buttons, selects, date pickers).</summary>
public sealed class ActionsBlock(IEnumerable<BlockElement> elements) : Block("actions")
{
    public IReadOnlyList<BlockElement> Elements { get; } = BlockLimits.Count(elements, 1, BlockLimits.ActionsElements, "an actions block's elements");
}
