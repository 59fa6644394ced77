namespace PlanBot.Cards.AdaptiveCards.Model;

public sealed record InputText : InputElement
{
    public string? Placeholder { get; init; }

    public bool? IsMultiline { get; init; }

    public int? MaxLength { get; init; }

    public string? Value { get; init; }

    /// <summary>A pattern the value must match (1.3).</summary>
    public string? Regex { get; init; }

    public TextInputStyle? Style { get; init; }
}
