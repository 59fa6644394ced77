namespace PlanBot.Slack.Blocks;

public sealed class DividerBlock() : Block("divider");
