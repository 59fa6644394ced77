using PlanBot.Domain.Checklist;

namespace PlanBot.Conversations.Tests.Scripts;

/// <summary>Steps many scripts share.</summary>
public static class ChatScriptSteps
{
    /// <summary>Answers the question the bot just asked with a valid reply.</summary>
    public static Task AnswerValidly(this ChatScript chat, string questionId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(chat);
        chat.ExpectQuestion(questionId);
        var (text, mentions) = SampleAnswers.For(PlanChecklist.Get(questionId), now);
        return chat.Send(text, mentions);
    }

    /// <summary>Answers the checklist in order from the first question up to, not including, <paramref name="stopAt"/>.</summary>
    public static async Task AnswerUpTo(this ChatScript chat, string? stopAt, DateTimeOffset now)
    {
        foreach (var question in PlanChecklist.Questions)
        {
            if (question.Id == stopAt)
            {
                chat.ExpectQuestion(stopAt);
                return;
            }

            await chat.AnswerValidly(question.Id, now);
        }
    }
}
