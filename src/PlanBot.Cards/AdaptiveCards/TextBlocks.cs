using PlanBot.Cards.AdaptiveCards.Model;

namespace PlanBot.Cards.AdaptiveCards;

/// <summary>
/// The TextBlocks the cards are made of. <c>Plain</c> methods escape what they are given;
/// <see cref="Markup"/> takes Markdown the card composed itself from escaped parts.
/// </summary>
internal static class TextBlocks
{
    /// <summary>A heading: style <c>heading</c> (1.5) with the size and weight older hosts need to show it as one.</summary>
    public static TextBlock Heading(string text) => new()
    {
        Text = CardText.Escape(text),
        Style = TextBlockStyle.Heading,
        Size = TextSize.Medium,
        Weight = TextWeight.Bolder,
        Wrap = true,
    };

    public static TextBlock Plain(string text, TextColor? color = null) => Markup(CardText.Escape(text), color);

    /// <summary>A message the bot wrote, its `commands` in bold (<see cref="CardText.EscapeMessage"/>).</summary>
    public static TextBlock Message(string text, TextColor? color = null) => Markup(CardText.EscapeMessage(text, forCard: true), color);

    public static TextBlock Bold(string text) => new() { Text = CardText.Escape(text), Weight = TextWeight.Bolder, Wrap = true, Spacing = Spacing.Medium };

    public static TextBlock Subtle(string text) => new() { Text = CardText.Escape(text), IsSubtle = true, Size = TextSize.Small, Wrap = true };

    public static TextBlock Markup(string markdown, TextColor? color = null) => new() { Text = markdown, Color = color, Wrap = true };

    /// <summary>Lines of text, one per line, escaped; at most <paramref name="max"/> of them, then how many more there are.</summary>
    public static TextBlock Lines(IReadOnlyList<string> lines, int max, int lineChars, TextColor? color = null)
    {
        var shown = lines.Take(max).Select(line => CardText.Cut(line, lineChars)).ToList();
        if (lines.Count > max)
        {
            shown.Add($"… and {lines.Count - max} more");
        }

        return Plain(string.Join('\n', shown), color);
    }
}
