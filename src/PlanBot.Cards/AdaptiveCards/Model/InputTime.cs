namespace PlanBot.Cards.AdaptiveCards.Model;

/// <summary>A time picker; its value is sent as <c>HH:mm</c>.</summary>
public sealed record InputTime : InputElement
{
    public string? Placeholder { get; init; }

    public TimeOnly? Value { get; init; }
}
