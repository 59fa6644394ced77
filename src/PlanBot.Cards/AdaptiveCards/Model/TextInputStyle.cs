using System.Text.Json.Serialization;

namespace PlanBot.Cards.AdaptiveCards.Model;

[JsonConverter(typeof(JsonStringEnumConverter<TextInputStyle>))]
public enum TextInputStyle
{
    [JsonStringEnumMemberName("text")]
    Text,

    [JsonStringEnumMemberName("tel")]
    Tel,

    [JsonStringEnumMemberName("url")]
    Url,

    [JsonStringEnumMemberName("email")]
    Email,
}
