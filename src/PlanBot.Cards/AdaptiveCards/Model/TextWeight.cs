using System.Text.Json.Serialization;

namespace PlanBot.Cards.AdaptiveCards.Model;

[JsonConverter(typeof(JsonStringEnumConverter<TextWeight>))]
public enum TextWeight
{
    [JsonStringEnumMemberName("default")]
    Default,

    [JsonStringEnumMemberName("lighter")]
    Lighter,

    [JsonStringEnumMemberName("bolder")]
    Bolder,
}
