namespace PlanBot.Cards.AdaptiveCards.Model;

public sealed record ColumnSet : CardElement
{
    public required IReadOnlyList<Column> Columns { get; init; }
}
