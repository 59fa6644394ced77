namespace PlanBot.Slack.Blocks;

/// <summary>Small grey text: one to ten text elements.</summary>
public sealed class ContextBlock(IEnumerable<TextObject> elements) : Block("context")
{
    public IReadOnlyList<TextObject> Elements { get; } = BlockLimits.Count(elements, 1, BlockLimits.ContextElements, "a context block's elements");
}
