using System.Text.Json.Serialization;

namespace PlanBot.Cards.AdaptiveCards.Model;

/// <summary>Which inputs an action validates and sends (1.3): all of the card's, or none.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AssociatedInputs>))]
public enum AssociatedInputs
{
    [JsonStringEnumMemberName("auto")]
    Auto,

    [JsonStringEnumMemberName("none")]
    None,
}
