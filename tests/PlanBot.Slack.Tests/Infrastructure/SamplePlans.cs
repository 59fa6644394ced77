using PlanBot.Domain.Answers;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;
using PlanBot.Testing.Slack;

namespace PlanBot.Slack.Tests.Infrastructure;

/// <summary>Plans in known states, built through the domain's own moves.</summary>
public static class SamplePlans
{
    public static readonly PersonRef Owner = new(SlackPayloads.Owner, "Alex Wilber");
    public static readonly PersonRef Approver = new(SlackPayloads.Approver, "Megan Bowen");
    public static readonly PersonRef Developer = new(SlackPayloads.Developer, "Diego Siciliani");
    public static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Every question answered with <paramref name="answer"/> (people questions with real people).</summary>
    public static Plan Complete(Func<Question, string>? answer = null)
    {
        var plan = Plan.Start("plan-1", "slack:" + SlackPayloads.TeamId, "Contoso.Web", "2.4", Owner, Now);
        foreach (var question in PlanChecklist.Questions)
        {
            var value = question.Kind == AnswerKind.People
                ? new AnswerValue { Text = "Megan Bowen, Diego Siciliani", People = [Approver, Developer] }
                : new AnswerValue { Text = answer?.Invoke(question) ?? $"Answer to {question.Id}" };
            plan = plan.WithAnswer(new Answer(question.Id, value, new Provenance(Owner, Now, "slack")), Now);
        }

        return plan;
    }

    public static Plan InReview(Func<Question, string>? answer = null) => Complete(answer).Submit(Owner, Now);
}
