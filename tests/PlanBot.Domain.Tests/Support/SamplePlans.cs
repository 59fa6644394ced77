using PlanBot.Domain.Answers;
using PlanBot.Domain.Plans;

namespace PlanBot.Domain.Tests.Support;

/// <summary>
/// The plans for the rules from <see cref="Testing.SamplePlans"/>, under the name the domain tests
/// import statically (<c>using static PlanBot.Domain.Tests.Support.SamplePlans</c>).
/// </summary>
internal static class SamplePlans
{
    public static readonly DateTimeOffset Start = Testing.SamplePlans.Start;

    public static Plan Started() => Testing.SamplePlans.Started();

    public static Answer AnswerOf(string questionId, string text, PersonRef? by = null, bool carriedOver = false, IReadOnlyList<PersonRef>? people = null) =>
        Testing.SamplePlans.AnswerOf(questionId, text, by, carriedOver, people);

    public static Answer ApproversAnswer(params PersonRef[] approvers) => Testing.SamplePlans.ApproversAnswer(approvers);

    public static Plan Complete(params PersonRef[] approvers) => Testing.SamplePlans.Complete(approvers);

    public static Plan InReview(params PersonRef[] approvers) => Testing.SamplePlans.InReview(approvers);
}
