using System.Text.Json.Serialization;

namespace PlanBot.Cards.AdaptiveCards.Model;

[JsonConverter(typeof(JsonStringEnumConverter<TextSize>))]
public enum TextSize
{
    [JsonStringEnumMemberName("default")]
    Default,

    [JsonStringEnumMemberName("small")]
    Small,

    [JsonStringEnumMemberName("medium")]
    Medium,

    [JsonStringEnumMemberName("large")]
    Large,

    [JsonStringEnumMemberName("extraLarge")]
    ExtraLarge,
}
