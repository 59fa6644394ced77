namespace PlanBot.Cards.AdaptiveCards.Model;

/// <summary>Unfolds <see cref="Card"/> below the actions; the nested card has no version of its own.</summary>
public sealed record ShowCardAction : AdaptiveAction
{
    public required AdaptiveCard Card { get; init; }
}
