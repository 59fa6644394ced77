namespace PlanBot.Slack.Blocks;

/// <summary>A labelled input of a modal. Slack shows validation errors only under input blocks.</summary>
public sealed class InputBlock : Block
{
    public InputBlock(PlainText label, BlockElement element)
        : base("input")
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(element);
        BlockLimits.Check(label.Text, BlockLimits.InputLabel, "an input's label");
        Label = label;
        Element = element;
    }

    public PlainText Label { get; }

    public BlockElement Element { get; }

    public PlainText? Hint
    {
        get;
        init => field = value is null ? null : Checked(value, BlockLimits.InputHint, "an input's hint");
    }

    /// <summary>Slack's default is required (false).</summary>
    public bool? Optional { get; init; }

    private static PlainText Checked(PlainText text, int max, string what)
    {
        BlockLimits.Check(text.Text, max, what);
        return text;
    }
}
