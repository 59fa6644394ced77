namespace PlanBot.Cards.AdaptiveCards.Model;

public sealed record Container : CardElement
{
    public required IReadOnlyList<CardElement> Items { get; init; }

    public ContainerStyle? Style { get; init; }

    /// <summary>Lets a styled container reach the card's edges (1.2).</summary>
    public bool? Bleed { get; init; }
}
