using System.Text.Json;
using System.Text.Json.Serialization;

namespace PlanBot.Slack.Interaction;

/// <summary>One input's state: its <see cref="Value"/>, <see cref="SelectedOption"/> or <see cref="SelectedDate"/>, by element type.</summary>
public sealed class ElementState
{
    public string? Type { get; set; }

    public string? Value { get; set; }

    public SelectedOption? SelectedOption { get; set; }

    public string? SelectedDate { get; set; }

    public string? SelectedUser { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    public string? Read() => Value ?? SelectedOption?.Value ?? SelectedDate ?? SelectedUser;
}
