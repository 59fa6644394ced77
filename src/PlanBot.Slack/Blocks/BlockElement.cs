using System.Text.Json.Serialization;

namespace PlanBot.Slack.Blocks;

/// <summary>An interactive element; <see cref="ActionId"/> names it in the payloads Slack sends back.</summary>
[JsonPolymorphic]
[JsonDerivedType(typeof(ButtonElement))]
[JsonDerivedType(typeof(PlainTextInputElement))]
[JsonDerivedType(typeof(StaticSelectElement))]
[JsonDerivedType(typeof(DatePickerElement))]
[JsonDerivedType(typeof(TimePickerElement))]
[JsonDerivedType(typeof(MultiUsersSelectElement))]
public abstract class BlockElement
{
    private protected BlockElement(string type, string actionId)
    {
        Type = type;
        ArgumentException.ThrowIfNullOrWhiteSpace(actionId);
        ActionId = BlockLimits.Check(actionId, BlockLimits.Id, "an action_id");
    }

    [JsonPropertyOrder(-1)]
    public string Type { get; }

    public string ActionId { get; }
}
