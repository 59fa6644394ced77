using System.Globalization;
using System.Text;
using PlanBot.Cards.Actions;
using PlanBot.Conversations.Views;
using PlanBot.Domain.Checklist;
using PlanBot.Slack.Blocks;

namespace PlanBot.Slack.Rendering;

/// <summary>
/// A question of the interview: where it stands, the question with its hint and expected form, the
/// current answer when there is one, a Skip button, and for text answers an Answer in a form button
/// (a modal for long, multi-line answers). Typed replies answer it too.
/// </summary>
public static class QuestionBlocks
{
    public static BlockKitMessage Render(QuestionView question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var blocks = new List<Block>();
        if (question.Problem is not null)
        {
            blocks.Add(new SectionBlock(new Mrkdwn(SlackMrkdwn.Fit($"⚠️ {question.Problem}", BlockLimits.SectionText, "…"))));
        }

        if (question.Note is not null)
        {
            blocks.Add(new SectionBlock(new Mrkdwn(SlackMrkdwn.Fit(question.Note, BlockLimits.SectionText, "…"))));
        }

        blocks.Add(new ContextBlock([new Mrkdwn(SlackMrkdwn.Fit(
            $"{question.PlanTitle} · section {question.SectionNumber}, {question.SectionTitle} · question {question.Number} of {question.Total}",
            BlockLimits.SectionText,
            "…"))]));

        var asked = new StringBuilder();
        asked.Append(CultureInfo.InvariantCulture, $"*{SlackMrkdwn.Escape(question.Text)}*");
        if (question.Hint is not null)
        {
            asked.Append(CultureInfo.InvariantCulture, $"\n{SlackMrkdwn.Escape(question.Hint)}");
        }

        if (question.Kind != AnswerKind.FreeText)
        {
            asked.Append(CultureInfo.InvariantCulture, $"\n_Answer with {SlackMrkdwn.Escape(question.ExpectedForm)}._");
        }

        blocks.Add(new SectionBlock(new Mrkdwn(SlackMrkdwn.Cut(asked.ToString(), BlockLimits.SectionText))));

        if (question.CurrentAnswer is not null)
        {
            blocks.Add(new ContextBlock([new Mrkdwn("Current answer:")]));
            blocks.Add(new SectionBlock(new Mrkdwn(SlackMrkdwn.Fit(question.CurrentAnswer, BlockLimits.SectionText))));
        }

        var value = FlatJson.Write((CardDataKeys.PlanId, question.PlanId), (CardDataKeys.QuestionId, question.QuestionId));
        var buttons = new List<BlockElement> { new ButtonElement(SlackIds.Skip, new PlainText("Skip")) { Value = value } };
        if (question.Kind is AnswerKind.FreeText or AnswerKind.YesNoWithDetail)
        {
            // A text box suits long, multi-line answers; people are @mentioned and dates typed in the chat.
            buttons.Add(new ButtonElement(SlackIds.AnswerForm, new PlainText("Answer in a form")) { Value = value });
        }

        blocks.Add(new ActionsBlock(buttons) { BlockId = SlackIds.QuestionBlock });

        var fallback = $"{question.PlanTitle}, question {question.Number} of {question.Total}: {question.Text}";
        return new BlockKitMessage(SlackMrkdwn.Fit(fallback, BlockLimits.SectionText, "…"), blocks);
    }
}
