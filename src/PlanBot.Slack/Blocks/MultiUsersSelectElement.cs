namespace PlanBot.Slack.Blocks;

/// <summary>A picker of the workspace's members; the picked ones come back as <c>selected_users</c>, their user ids.</summary>
public sealed class MultiUsersSelectElement(string actionId) : BlockElement("multi_users_select", actionId)
{
    /// <summary>User ids (<c>U…</c>, <c>W…</c>) picked at the start.</summary>
    public IReadOnlyList<string>? InitialUsers
    {
        get;
        init => field = value is null ? null : BlockLimits.Count(value, 1, BlockLimits.SelectOptions, "a users select's initial users");
    }

    public int? MaxSelectedItems
    {
        get;
        init => field = value is null or >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "A select's max_selected_items is at least 1.");
    }

    public PlainText? Placeholder
    {
        get;
        init => field = value is null ? null : Placeholders.Checked(value);
    }
}
