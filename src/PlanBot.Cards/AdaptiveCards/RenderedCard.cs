using PlanBot.Cards.AdaptiveCards.Model;

namespace PlanBot.Cards.AdaptiveCards;

/// <summary>A view rendered as a card: the model, its JSON, and its size in UTF-16 bytes.</summary>
public sealed record RenderedCard(AdaptiveCard Card, string Json, int Utf16Bytes)
{
    /// <summary>The attachment content type of an Adaptive Card.</summary>
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>A one-line plain summary, for the activity's <c>summary</c> and for hosts that cannot render the card.</summary>
    public string? Summary => Card.FallbackText;
}
