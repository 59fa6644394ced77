using System.Text.Json.Serialization;

namespace PlanBot.Cards.AdaptiveCards.Model;

/// <summary>
/// A card. The top-level card must carry <see cref="Version"/>; a card inside an
/// <see cref="ShowCardAction"/> carries neither version nor schema (see <see cref="Nested"/>).
/// </summary>
public sealed record AdaptiveCard
{
    /// <summary>The highest version Teams renders for bots; Teams mobile reliably renders 1.2.</summary>
    public const string TeamsVersion = "1.5";

    public const string SchemaUri = "http://adaptivecards.io/schemas/adaptive-card.json";

    [JsonPropertyOrder(-1)]
    public string Type => "AdaptiveCard";

    public string? Version { get; init; } = TeamsVersion;

    [JsonPropertyName("$schema")]
    public string? Schema { get; init; } = SchemaUri;

    public IReadOnlyList<CardElement>? Body { get; init; }

    public IReadOnlyList<AdaptiveAction>? Actions { get; init; }

    public CardRefresh? Refresh { get; init; }

    /// <summary>Shown by hosts that cannot render the card's version, and usable as a notification preview.</summary>
    public string? FallbackText { get; init; }

    [JsonPropertyName("msteams")]
    public TeamsCardProperties? MsTeams { get; init; }

    /// <summary>A card to show inside an <see cref="ShowCardAction"/>.</summary>
    public static AdaptiveCard Nested(IReadOnlyList<CardElement> body) => new() { Version = null, Schema = null, Body = body };
}
