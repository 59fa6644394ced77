using System.Text.Json;
using System.Text.Json.Serialization;

namespace PlanBot.Slack.Interaction;

/// <summary>
/// One input's state, by element type: a text's <see cref="Value"/>, a select's <see cref="SelectedOption"/>,
/// a date picker's <see cref="SelectedDate"/>, a time picker's <see cref="SelectedTime"/>, a users
/// select's <see cref="SelectedUser"/> or, picking several, <see cref="SelectedUsers"/>.
/// </summary>
public sealed class ElementState
{
    public string? Type { get; set; }

    public string? Value { get; set; }

    public SelectedOption? SelectedOption { get; set; }

    public string? SelectedDate { get; set; }

    public string? SelectedTime { get; set; }

    public string? SelectedUser { get; set; }

    public List<string>? SelectedUsers { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>The one value the input holds; null for an empty input and for a pick of several users.</summary>
    public string? Read() => Value ?? SelectedOption?.Value ?? SelectedDate ?? SelectedTime ?? SelectedUser;
}
