namespace PlanBot.Cards.AdaptiveCards.Model;

public sealed record OpenUrlAction : AdaptiveAction
{
    public required Uri Url { get; init; }
}
