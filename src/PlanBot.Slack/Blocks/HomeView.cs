namespace PlanBot.Slack.Blocks;

/// <summary>The app's Home tab (<c>views.publish</c>): up to 100 blocks, shown to one user.</summary>
public sealed class HomeView
{
    public HomeView(IEnumerable<Block> blocks)
    {
        Blocks = BlockLimits.Count(blocks, 1, BlockLimits.ModalBlocks, "a Home tab's blocks");
    }

    public string Type { get; } = "home";

    public IReadOnlyList<Block> Blocks { get; }
}
