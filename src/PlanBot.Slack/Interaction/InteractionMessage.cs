using System.Text.Json;
using System.Text.Json.Serialization;

namespace PlanBot.Slack.Interaction;

public sealed class InteractionMessage
{
    public string? Ts { get; set; }

    public string? ThreadTs { get; set; }

    public string? Text { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
