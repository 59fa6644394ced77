namespace PlanBot.Cards.AdaptiveCards.Model;

/// <summary>
/// Text, read by hosts as a Markdown subset: user text must go through
/// <see cref="CardText.Escape"/> before it is put here.
/// </summary>
public sealed record TextBlock : CardElement
{
    public required string Text { get; init; }

    public bool? Wrap { get; init; }

    public TextSize? Size { get; init; }

    public TextWeight? Weight { get; init; }

    public TextColor? Color { get; init; }

    public bool? IsSubtle { get; init; }

    public int? MaxLines { get; init; }

    public TextBlockStyle? Style { get; init; }
}
