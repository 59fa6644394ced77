using System.Text.Json.Serialization;

namespace PlanBot.Cards.AdaptiveCards.Model;

/// <summary>Teams' <c>msteams.width</c>: only <c>Full</c> is defined (spelled with a capital F).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TeamsCardWidth>))]
public enum TeamsCardWidth
{
    [JsonStringEnumMemberName("Full")]
    Full,
}
