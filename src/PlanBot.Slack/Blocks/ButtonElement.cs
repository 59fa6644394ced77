namespace PlanBot.Slack.Blocks;

/// <summary>A button: text up to 75 characters, a value up to 2,000 sent back on click, an optional confirm dialog.</summary>
public sealed class ButtonElement : BlockElement
{
    public ButtonElement(string actionId, PlainText text)
        : base("button", actionId)
    {
        ArgumentNullException.ThrowIfNull(text);
        BlockLimits.Check(text.Text, BlockLimits.ButtonText, "a button's text");
        Text = text;
    }

    public PlainText Text { get; }

    public string? Value
    {
        get;
        init => field = BlockLimits.CheckOptional(value, BlockLimits.ButtonValue, "a button's value");
    }

    public string? Url
    {
        get;
        init => field = BlockLimits.CheckOptional(value, BlockLimits.ButtonUrl, "a button's url");
    }

    /// <summary><see cref="ButtonStyle.Primary"/> or <see cref="ButtonStyle.Danger"/>.</summary>
    public string? Style
    {
        get;
        init => field = value is null or ButtonStyle.Primary or ButtonStyle.Danger
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "A button's style is primary or danger.");
    }

    public ConfirmDialog? Confirm { get; init; }
}
