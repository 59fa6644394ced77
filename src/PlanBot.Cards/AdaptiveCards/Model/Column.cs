using System.Text.Json.Serialization;

namespace PlanBot.Cards.AdaptiveCards.Model;

/// <summary>A column of a <see cref="ColumnSet"/>; not an element of its own, so it is not in the body's type list.</summary>
public sealed record Column
{
    [JsonPropertyOrder(-1)]
    public string Type => "Column";

    public required IReadOnlyList<CardElement> Items { get; init; }

    public ColumnWidth? Width { get; init; }

    public ContainerStyle? Style { get; init; }

    public Spacing? Spacing { get; init; }

    public bool? Separator { get; init; }
}
