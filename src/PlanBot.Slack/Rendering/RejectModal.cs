using System.Globalization;
using PlanBot.Cards.Actions;
using PlanBot.Slack.Blocks;

namespace PlanBot.Slack.Rendering;

/// <summary>
/// The modal the Reject button opens: a required, multi-line reason. Its <c>private_metadata</c>
/// carries the plan, the revision the button was bound to and the conversation to answer in.
/// </summary>
public static class RejectModal
{
    public static ModalView Build(string planId, string revision, string conversationId, string? channelName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(planId);
        ArgumentException.ThrowIfNullOrWhiteSpace(revision);
        var metadata = FlatJson.Write(
            (CardDataKeys.PlanId, planId),
            (CardDataKeys.Revision, int.TryParse(revision, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : revision),
            (SlackIds.ConversationMetadata, conversationId),
            (SlackIds.ChannelNameMetadata, channelName));
        return new ModalView(new PlainText("Reject the plan"),
        [
            new SectionBlock(new Mrkdwn(SlackMrkdwn.Fit(
                $"You reject revision {revision} of this deployment plan. The owner sees your reason and can change the plan and submit it again.",
                BlockLimits.SectionText,
                "…"))),
            new InputBlock(
                new PlainText("Reason"),
                new PlainTextInputElement(SlackIds.ReasonInput)
                {
                    Multiline = true,
                    MaxLength = 2000,
                    Placeholder = new PlainText("What must change before you can approve it?"),
                })
            {
                BlockId = SlackIds.ReasonInput,
            },
        ])
        {
            CallbackId = SlackIds.RejectModal,
            PrivateMetadata = metadata,
            Submit = new PlainText("Reject"),
            Close = new PlainText("Cancel"),
        };
    }
}
