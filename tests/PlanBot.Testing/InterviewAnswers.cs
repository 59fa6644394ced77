using System.Globalization;
using PlanBot.Domain.Checklist;

namespace PlanBot.Testing;

/// <summary>A valid typed answer for every question of the checklist, with dates ahead of today.</summary>
public static class InterviewAnswers
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
            _ => question.Kind switch
            {
                AnswerKind.People => "alex@contoso.com, megan@contoso.com",
                AnswerKind.YesNoWithDetail => "Yes, a one-hour walkthrough",
                _ => $"Answer to {question.Id}",
            },
        };
    }
}
