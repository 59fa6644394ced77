using System.Globalization;
using PlanBot.Domain.Answers;
using PlanBot.Domain.Checklist;

namespace PlanBot.Conversations.Tests.Scripts;

/// <summary>A valid reply to each checklist question, with dates ahead of the given "now".</summary>
public static class SampleAnswers
{
    public static DateOnly DaysAhead(DateTimeOffset now, int days) => DateOnly.FromDateTime(now.UtcDateTime).AddDays(days);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static (string Text, Mention[] Mentions) For(Question question, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.Id switch
        {
            "available-by" => (Iso(DaysAhead(now, 30)), []),
            "deployed-by" => (DaysAhead(now, 29).ToString("d MMM yyyy", CultureInfo.InvariantCulture), []),
            "deployment-window" => ($"{Iso(DaysAhead(now, 28))} 22:00 to 02:00", []),
            "approvers" => ($"{TestPeople.MentionOf(TestPeople.Megan).Markup} and {TestPeople.MentionOf(TestPeople.Alex).Markup}",
                [TestPeople.MentionOf(TestPeople.Megan), TestPeople.MentionOf(TestPeople.Alex)]),
            "delivery-team" => (TestPeople.MentionOf(TestPeople.Alex).Markup, [TestPeople.MentionOf(TestPeople.Alex)]),
            "training" => ("Yes, a one-hour session for the store managers", []),
            "support-ready" => ("no", []),
            PlanChecklist.BackoutDecider => (TestPeople.MentionOf(TestPeople.Megan).Markup, [TestPeople.MentionOf(TestPeople.Megan)]),
            "backout-compatibility" => ("Yes, migration 0042 only adds columns", []),
            _ => ($"Answer to {question.Id}", []),
        };
    }
}
