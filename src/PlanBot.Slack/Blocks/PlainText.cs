namespace PlanBot.Slack.Blocks;

/// <summary><c>{"type":"plain_text"}</c>: shown as typed, no formatting.</summary>
public sealed class PlainText(string text) : TextObject("plain_text", text)
{
    public bool? Emoji { get; init; }
}
