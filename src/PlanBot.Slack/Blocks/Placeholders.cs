namespace PlanBot.Slack.Blocks;

internal static class Placeholders
{
    public static PlainText Checked(PlainText placeholder)
    {
        BlockLimits.Check(placeholder.Text, BlockLimits.Placeholder, "a placeholder");
        return placeholder;
    }
}
