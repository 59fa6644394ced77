using System.Text.Json.Serialization;

namespace PlanBot.Cards.AdaptiveCards.Model;

[JsonConverter(typeof(JsonStringEnumConverter<Spacing>))]
public enum Spacing
{
    [JsonStringEnumMemberName("default")]
    Default,

    [JsonStringEnumMemberName("none")]
    None,

    [JsonStringEnumMemberName("small")]
    Small,

    [JsonStringEnumMemberName("medium")]
    Medium,

    [JsonStringEnumMemberName("large")]
    Large,

    [JsonStringEnumMemberName("extraLarge")]
    ExtraLarge,

    [JsonStringEnumMemberName("padding")]
    Padding,
}
