namespace PlanBot.Slack.Blocks;

/// <summary>Slack's button colour schemes; the default style is no <c>style</c> at all.</summary>
public static class ButtonStyle
{
    public const string Primary = "primary";
    public const string Danger = "danger";
}
