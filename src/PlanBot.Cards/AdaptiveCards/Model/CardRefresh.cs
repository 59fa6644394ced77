using System.Text.Json.Serialization;

namespace PlanBot.Cards.AdaptiveCards.Model;

/// <summary>
/// Card-level <c>refresh</c> (1.4): the host runs <see cref="Action"/> for each user in
/// <see cref="UserIds"/> (Teams: at most 60 user ids) and shows that user the card the bot returns.
/// An empty list means no automatic refresh, only a manual one.
/// </summary>
public sealed record CardRefresh
{
    public const int MaxUserIds = 60;

    [JsonIgnore]
    public required ExecuteAction Action { get; init; }

    // Written through the polymorphic base so that the action carries its "type".
    [JsonInclude]
    [JsonPropertyName("action")]
    internal AdaptiveAction ActionJson => Action;

    public required IReadOnlyList<string> UserIds { get; init; }
}
