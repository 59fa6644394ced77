using System.Text.Json.Serialization;

namespace PlanBot.Slack.Blocks;

/// <summary>A Block Kit text object: <see cref="PlainText"/> or <see cref="Mrkdwn"/>.</summary>
[JsonPolymorphic]
[JsonDerivedType(typeof(PlainText))]
[JsonDerivedType(typeof(Mrkdwn))]
public abstract class TextObject
{
    private protected TextObject(string type, string text)
    {
        Type = type;
        Text = text ?? throw new ArgumentNullException(nameof(text));
    }

    [JsonPropertyOrder(-1)]
    public string Type { get; }

    public string Text { get; }
}
