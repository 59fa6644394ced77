using PlanBot.Domain.Checklist;
using PlanBot.Testing;
using PlanBot.Testing.Slack;

namespace PlanBot.Slack.Tests.Infrastructure;

/// <summary>
/// A valid answer, as typed in Slack, for every question: the host tests' answers, with people as
/// Slack mentions and free text as Slack encodes it (entities for &amp;, &lt;, &gt;).
/// </summary>
public static class SlackAnswers
{
    public static string For(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.Id switch
        {
            "approvers" => $"<@{SlackPayloads.Approver}>",
            _ when question.Kind == AnswerKind.People => $"<@{SlackPayloads.Developer}> and <@{SlackPayloads.Owner}>",
            _ when question.Kind == AnswerKind.FreeText => $"Answer to {question.Id} &amp; &lt;more&gt;",
            _ => InterviewAnswers.For(question),
        };
    }
}
