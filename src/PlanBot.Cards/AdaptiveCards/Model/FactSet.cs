namespace PlanBot.Cards.AdaptiveCards.Model;

public sealed record FactSet : CardElement
{
    public required IReadOnlyList<Fact> Facts { get; init; }
}
