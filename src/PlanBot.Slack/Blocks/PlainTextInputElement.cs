namespace PlanBot.Slack.Blocks;

/// <summary>A text box, single- or multi-line, of up to 3,000 characters.</summary>
public sealed class PlainTextInputElement(string actionId) : BlockElement("plain_text_input", actionId)
{
    public string? InitialValue
    {
        get;
        init => field = BlockLimits.CheckOptional(value, BlockLimits.InputMaxLength, "a text input's initial value");
    }

    public bool? Multiline { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength
    {
        get;
        init => field = value is null or (>= 1 and <= BlockLimits.InputMaxLength)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"A text input's max_length is 1 to {BlockLimits.InputMaxLength}.");
    }

    public PlainText? Placeholder
    {
        get;
        init => field = value is null ? null : Placeholders.Checked(value);
    }
}
