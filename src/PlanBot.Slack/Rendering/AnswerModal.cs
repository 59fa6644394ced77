using PlanBot.Cards.Actions;
using PlanBot.Domain.Answers;
using PlanBot.Domain.Checklist;
using PlanBot.Slack.Blocks;

namespace PlanBot.Slack.Rendering;

/// <summary>
/// A modal for a long, multi-line answer to the question the button was on. Submitting it is the
/// card action <c>answer</c>; <c>private_metadata</c> says which plan, question and conversation.
/// </summary>
public static class AnswerModal
{
    public static ModalView Build(string planId, string questionId, string conversationId, string? channelName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(planId);
        ArgumentException.ThrowIfNullOrWhiteSpace(questionId);
        var question = PlanChecklist.Find(questionId);
        var metadata = FlatJson.Write((CardDataKeys.PlanId, planId), (CardDataKeys.QuestionId, questionId), (SlackIds.ConversationMetadata, conversationId), (SlackIds.ChannelNameMetadata, channelName));
        var blocks = new List<Block>();
        if (question?.Hint is { } hint)
        {
            blocks.Add(new ContextBlock([new PlainText(SlackMrkdwn.Plain(hint, BlockLimits.SectionText))]));
        }

        var expected = question is null ? "any text" : AnswerReader.ExpectedForm(question.Kind);
        blocks.Add(new InputBlock(
            new PlainText(SlackMrkdwn.Plain(question?.Text ?? "Your answer", BlockLimits.InputLabel)),
            new PlainTextInputElement(SlackIds.AnswerInput) { Multiline = true, MaxLength = AnswerLimits.MaxLength })
        {
            BlockId = SlackIds.AnswerInput,
            Hint = new PlainText(SlackMrkdwn.Plain($"Answer with {expected}.", BlockLimits.InputHint)),
        });
        return new ModalView(new PlainText("Answer"), blocks)
        {
            CallbackId = SlackIds.AnswerModal,
            PrivateMetadata = metadata,
            Submit = new PlainText("Save"),
            Close = new PlainText("Cancel"),
        };
    }
}
