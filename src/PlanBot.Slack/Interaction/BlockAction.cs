using System.Text.Json;
using System.Text.Json.Serialization;

namespace PlanBot.Slack.Interaction;

/// <summary>One element acted on in a <c>block_actions</c> payload.</summary>
public sealed class BlockAction
{
    public string? ActionId { get; set; }

    public string? BlockId { get; set; }

    public string? Type { get; set; }

    public string? Value { get; set; }

    public SelectedOption? SelectedOption { get; set; }

    public string? SelectedDate { get; set; }

    public string? ActionTs { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
