using System.Text.Json;
using PlanBot.Cards.Text;
using PlanBot.Conversations.Views;
using PlanBot.Slack.Blocks;

namespace PlanBot.Slack.Rendering;

/// <summary>Renders every engine view as a Block Kit message.</summary>
public static class SlackViewRenderer
{
    public static BlockKitMessage Render(View view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view switch
        {
            QuestionView question => QuestionBlocks.Render(question),
            SectionFormView form => SectionFormBlocks.Render(form),
            PlanSummaryView summary => PlanSummaryBlocks.Render(summary),
            HelpView help => HelpBlocks.Render(help),
            NoticeView notice => NoticeBlocks.Render(notice),
            ApprovalView approval => ApprovalBlocks.Render(approval),
            ExportView export => ExportBlocks.Render(export),
            _ => Fallback(view),
        };
    }

    /// <summary>
    /// A view with no Block Kit form yet still reaches the user, in the text form every channel has
    /// (its user text is escaped there), rather than failing the turn.
    /// </summary>
    private static BlockKitMessage Fallback(View view)
    {
        string text;
        try
        {
            text = TextRenderer.Render(view);
        }
        catch (ArgumentOutOfRangeException)
        {
            text = "(This reply has no form in Slack yet.)";
        }

        var chunks = SlackMrkdwn.Chunks(text.Length == 0 ? "…" : text, BlockLimits.SectionText).Take(BlockLimits.MessageBlocks);
        return new BlockKitMessage(SlackMrkdwn.Cut(text, BlockLimits.SectionText), chunks.Select(c => (Block)new SectionBlock(new Mrkdwn(c))));
    }

    /// <summary>The message's <c>blocks</c> array as JSON.</summary>
    public static string BlocksJson(BlockKitMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return JsonSerializer.Serialize(message.Blocks, SlackJsonContext.Default.IReadOnlyListBlock);
    }

    /// <summary>The whole message payload, <c>{"text":…,"blocks":[…]}</c>.</summary>
    public static string MessageJson(BlockKitMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return JsonSerializer.Serialize(message, SlackJsonContext.Default.BlockKitMessage);
    }

    public static string HomeJson(HomeView home)
    {
        ArgumentNullException.ThrowIfNull(home);
        return JsonSerializer.Serialize(home, SlackJsonContext.Default.HomeView);
    }

    public static string ModalJson(ModalView modal)
    {
        ArgumentNullException.ThrowIfNull(modal);
        return JsonSerializer.Serialize(modal, SlackJsonContext.Default.ModalView);
    }
}
