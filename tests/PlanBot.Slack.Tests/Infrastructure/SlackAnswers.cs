using System.Globalization;
using PlanBot.Domain.Checklist;

namespace PlanBot.Slack.Tests.Infrastructure;

/// <summary>A valid answer, as typed in Slack, for every question: dates ahead of today, people as mentions.</summary>
public static class SlackAnswers
{
    public static string For(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var ahead = DateTime.UtcNow.Date.AddDays(40);
        return question.Id switch
        {
            "available-by" => ahead.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "deployed-by" => ahead.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
            "deployment-window" => $"{ahead.AddDays(-2):yyyy-MM-dd} 22:00 to 02:00",
            "approvers" => $"<@{SlackPayloads.Approver}>",
            _ => question.Kind switch
            {
                AnswerKind.People => $"<@{SlackPayloads.Developer}> and <@{SlackPayloads.Owner}>",
                AnswerKind.YesNoWithDetail => "Yes, a one-hour walkthrough",
                _ => $"Answer to {question.Id} &amp; &lt;more&gt;",
            },
        };
    }
}
