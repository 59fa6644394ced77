namespace PlanBot.Cards.AdaptiveCards.Model;

/// <summary>Actions inside the body (1.2); Teams needs it around an <see cref="ExecuteAction"/> with a fallback.</summary>
public sealed record ActionSet : CardElement
{
    public required IReadOnlyList<AdaptiveAction> Actions { get; init; }
}
