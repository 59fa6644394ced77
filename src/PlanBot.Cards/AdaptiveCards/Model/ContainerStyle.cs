using System.Text.Json.Serialization;

namespace PlanBot.Cards.AdaptiveCards.Model;

[JsonConverter(typeof(JsonStringEnumConverter<ContainerStyle>))]
public enum ContainerStyle
{
    [JsonStringEnumMemberName("default")]
    Default,

    [JsonStringEnumMemberName("emphasis")]
    Emphasis,

    [JsonStringEnumMemberName("good")]
    Good,

    [JsonStringEnumMemberName("attention")]
    Attention,

    [JsonStringEnumMemberName("warning")]
    Warning,

    [JsonStringEnumMemberName("accent")]
    Accent,
}
