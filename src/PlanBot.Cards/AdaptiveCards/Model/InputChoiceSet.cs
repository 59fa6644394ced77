namespace PlanBot.Cards.AdaptiveCards.Model;

public sealed record InputChoiceSet : InputElement
{
    public required IReadOnlyList<Choice> Choices { get; init; }

    public ChoiceInputStyle? Style { get; init; }

    public bool? IsMultiSelect { get; init; }

    /// <summary>The preselected choice's value (several, comma-separated, when multi-select).</summary>
    public string? Value { get; init; }

    public string? Placeholder { get; init; }

    /// <summary>Teams' people picker and other dynamic choices; hosts without it show <see cref="Choices"/>.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("choices.data")]
    public ChoicesQuery? ChoicesData { get; init; }
}
