namespace PlanBot.Slack.Blocks;

/// <summary>
/// A modal (<c>views.open</c>): title, submit and close up to 24 characters, up to 100 blocks,
/// <see cref="PrivateMetadata"/> up to 3,000 characters carried back in <c>view_submission</c>.
/// </summary>
public sealed class ModalView
{
    public ModalView(PlainText title, IEnumerable<Block> blocks)
    {
        ArgumentNullException.ThrowIfNull(title);
        BlockLimits.Check(title.Text, BlockLimits.ModalTitle, "a modal's title");
        Title = title;
        Blocks = BlockLimits.Count(blocks, 1, BlockLimits.ModalBlocks, "a modal's blocks");
    }

    public string Type { get; } = "modal";

    public PlainText Title { get; }

    public IReadOnlyList<Block> Blocks { get; }

    public PlainText? Submit
    {
        get;
        init => field = value is null ? null : Checked(value, "a modal's submit button");
    }

    public PlainText? Close
    {
        get;
        init => field = value is null ? null : Checked(value, "a modal's close button");
    }

    public string? CallbackId
    {
        get;
        init => field = BlockLimits.CheckOptional(value, BlockLimits.Id, "a modal's callback_id");
    }

    public string? PrivateMetadata
    {
        get;
        init => field = BlockLimits.CheckOptional(value, BlockLimits.PrivateMetadata, "a modal's private_metadata");
    }

    public bool? ClearOnClose { get; init; }

    public bool? NotifyOnClose { get; init; }

    private static PlainText Checked(PlainText text, string what)
    {
        BlockLimits.Check(text.Text, BlockLimits.ModalButton, what);
        return text;
    }
}
