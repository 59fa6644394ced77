namespace PlanBot.Slack.Blocks;

/// <summary>A menu of up to 100 fixed options.</summary>
public sealed class StaticSelectElement(string actionId, IEnumerable<SelectOption> options) : BlockElement("static_select", actionId)
{
    public IReadOnlyList<SelectOption> Options { get; } = BlockLimits.Count(options, 1, BlockLimits.SelectOptions, "a select's options");

    public SelectOption? InitialOption { get; init; }

    public PlainText? Placeholder
    {
        get;
        init => field = value is null ? null : Placeholders.Checked(value);
    }
}
