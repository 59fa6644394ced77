using System.Text.Json.Serialization;

namespace PlanBot.Cards.AdaptiveCards.Model;

/// <summary>Adaptive Cards 1.5; older hosts ignore it, so a heading also sets its size and weight.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TextBlockStyle>))]
public enum TextBlockStyle
{
    [JsonStringEnumMemberName("default")]
    Default,

    [JsonStringEnumMemberName("heading")]
    Heading,
}
