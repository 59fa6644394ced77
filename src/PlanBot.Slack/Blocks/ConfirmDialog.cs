namespace PlanBot.Slack.Blocks;

/// <summary>The "are you sure?" dialog a button can ask before it sends its action.</summary>
public sealed class ConfirmDialog
{
    public ConfirmDialog(PlainText title, TextObject text, PlainText confirm, PlainText deny)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(confirm);
        ArgumentNullException.ThrowIfNull(deny);
        BlockLimits.Check(title.Text, BlockLimits.ConfirmTitle, "a confirm dialog's title");
        BlockLimits.Check(text.Text, BlockLimits.ConfirmText, "a confirm dialog's text");
        BlockLimits.Check(confirm.Text, BlockLimits.ConfirmButton, "a confirm dialog's confirm button");
        BlockLimits.Check(deny.Text, BlockLimits.ConfirmButton, "a confirm dialog's deny button");
        Title = title;
        Text = text;
        Confirm = confirm;
        Deny = deny;
    }

    public PlainText Title { get; }

    public TextObject Text { get; }

    public PlainText Confirm { get; }

    public PlainText Deny { get; }
}
