using PlanBot.Domain.Answers;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;

namespace PlanBot.Domain.Tests.Support;

/// <summary>Plans in the states the lifecycle tests start from.</summary>
internal static class SamplePlans
{
    public static readonly DateTimeOffset Start = DateTimeOffset.UtcNow;

    public static Plan Started() => Plan.Start("plan-1", "msteams:tenant-1", "Contoso.Web", "2.4", People.Owner, Start);

    public static Answer AnswerOf(string questionId, string text, PersonRef? by = null, bool carriedOver = false, IReadOnlyList<PersonRef>? people = null) =>
        new(questionId, new AnswerValue { Text = text, People = people }, new Provenance(by ?? People.Owner, Start, "msteams", carriedOver, carriedOver ? "plan-0" : null));

    public static Answer ApproversAnswer(params PersonRef[] approvers) =>
        AnswerOf(Plan.ApproversQuestion, string.Join(", ", approvers.Select(a => a.ToString())), People.Owner, people: approvers);

    /// <summary>Every question answered by the owner, with <paramref name="approvers"/> in section 5.</summary>
    public static Plan Complete(params PersonRef[] approvers)
    {
        var plan = Started();
        foreach (var question in PlanChecklist.Questions)
        {
            var answer = question.Id == Plan.ApproversQuestion ? ApproversAnswer(approvers) : AnswerOf(question.Id, $"Answer to {question.Id}");
            plan = plan.WithAnswer(answer, Start);
        }

        return plan;
    }

    public static Plan InReview(params PersonRef[] approvers) => Complete(approvers).Submit(People.Owner, Start);
}
