using PlanBot.Conversations.Ports;
using System.Globalization;
using PlanBot.Conversations.Views;
using PlanBot.Slack.Blocks;

namespace PlanBot.Slack.Rendering;

/// <summary>
/// The plan as a document: its Markdown source shown verbatim in code blocks when it fits a message,
/// and the signed download link.
/// </summary>
public static class ExportBlocks
{
    /// <summary>Escaped characters of document one message carries; Slack refuses much less than 50 full blocks.</summary>
    public const int InlineBudget = 11_000;

    private const string Fence = "```";

    public static BlockKitMessage Render(ExportView export)
    {
        ArgumentNullException.ThrowIfNull(export);
        var blocks = new List<Block>
        {
            new HeaderBlock(new PlainText(SlackMrkdwn.Plain($"Deployment plan: {export.PlanTitle}", BlockLimits.HeaderText))),
        };
        var document = export.Markdown is null ? null : SlackMrkdwn.Escape(export.Markdown.Replace(Fence, "ʼʼʼ", StringComparison.Ordinal));
        if (document is { Length: > 0 and <= InlineBudget })
        {
            foreach (var chunk in SlackMrkdwn.Chunks(document, BlockLimits.SectionText - (2 * Fence.Length) - 2))
            {
                blocks.Add(new SectionBlock(new Mrkdwn($"{Fence}\n{chunk}\n{Fence}")));
            }
        }
        else if (export.Markdown is not null)
        {
            blocks.Add(new SectionBlock(new Mrkdwn("The plan is too long to show in a message.")));
        }

        if (export.Link is { } link)
        {
            var minutes = export.LinkLifetime.TotalMinutes.ToString("0", CultureInfo.InvariantCulture);
            blocks.Add(new SectionBlock(new Mrkdwn(SlackMrkdwn.Cut(
                $"<{SlackMrkdwn.Escape(link.AbsoluteUri)}|Download the plan as {export.FormatName}> (the link works for {minutes} minutes)",
                BlockLimits.SectionText))));
        }

        return new BlockKitMessage(SlackMrkdwn.Fit($"The deployment plan for {export.PlanTitle} as a {(export.Format == ExportFormat.Word ? "Word document" : "document")}", BlockLimits.SectionText, "…"), blocks);
    }
}
