namespace PlanBot.Slack.Blocks;

/// <summary>One choice of a select menu: text up to 75 characters, value up to 150.</summary>
public sealed class SelectOption
{
    public SelectOption(PlainText text, string value)
    {
        ArgumentNullException.ThrowIfNull(text);
        BlockLimits.Check(text.Text, BlockLimits.OptionText, "an option's text");
        Text = text;
        Value = BlockLimits.Check(value, BlockLimits.OptionValue, "an option's value");
    }

    public PlainText Text { get; }

    public string Value { get; }
}
