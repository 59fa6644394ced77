using System.Text.Json.Serialization;

namespace PlanBot.Cards.AdaptiveCards.Model;

/// <summary>The 1.5 schema knows only these two; <c>filtered</c> is not in it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChoiceInputStyle>))]
public enum ChoiceInputStyle
{
    [JsonStringEnumMemberName("compact")]
    Compact,

    [JsonStringEnumMemberName("expanded")]
    Expanded,
}
