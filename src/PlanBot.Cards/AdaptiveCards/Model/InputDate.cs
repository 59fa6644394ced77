namespace PlanBot.Cards.AdaptiveCards.Model;

/// <summary>A date picker; its value is sent as <c>YYYY-MM-DD</c>.</summary>
public sealed record InputDate : InputElement
{
    public string? Placeholder { get; init; }

    public DateOnly? Min { get; init; }

    public DateOnly? Max { get; init; }

    public DateOnly? Value { get; init; }
}
