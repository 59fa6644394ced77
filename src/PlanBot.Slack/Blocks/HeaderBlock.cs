namespace PlanBot.Slack.Blocks;

/// <summary>A large plain-text title, up to 150 characters.</summary>
public sealed class HeaderBlock(PlainText text) : Block("header")
{
    public PlainText Text { get; } = Checked(text);

    private static PlainText Checked(PlainText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        BlockLimits.Check(text.Text, BlockLimits.HeaderText, "a header's text");
        return text;
    }
}
