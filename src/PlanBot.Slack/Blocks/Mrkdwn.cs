namespace PlanBot.Slack.Blocks;

/// <summary><c>{"type":"mrkdwn"}</c>: Slack's markdown. Escape user text with <see cref="Rendering.SlackMrkdwn.Escape"/>.</summary>
public sealed class Mrkdwn(string text) : TextObject("mrkdwn", text)
{
    public bool? Verbatim { get; init; }
}
