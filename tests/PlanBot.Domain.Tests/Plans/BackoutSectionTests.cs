using PlanBot.Domain.Answers;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;
using PlanBot.Domain.Tests.Support;
using static PlanBot.Domain.Tests.Support.SamplePlans;

namespace PlanBot.Domain.Tests.Plans;

/// <summary>
/// Section 9, the backout plan: required by default, so a plan stored before it existed shows it as
/// missing and cannot be submitted without it; a tenant that makes it optional lets a plan go
/// without it, while an answer given there still counts and one carried over must still be confirmed.
/// </summary>
public sealed class BackoutSectionTests
{
    private static Plan WithoutBackout(params PersonRef[] approvers) =>
        PlanChecklist.In(Section.Backout).Aggregate(Complete(approvers), (plan, q) => plan.WithoutAnswer(q.Id, People.Owner, Start));

    [Fact]
    public void A_plan_stored_before_the_backout_plan_existed_shows_its_questions_as_missing()
    {
        var completeness = WithoutBackout(People.Alex).Completeness();

        Assert.Equal(PlanChecklist.In(Section.Backout), completeness.Missing);
        Assert.Equal(PlanChecklist.Count, completeness.Total);
        Assert.DoesNotContain(Section.Backout, completeness.CompleteSections);
        Assert.False(completeness.IsComplete);
    }

    [Fact]
    public void Without_a_backout_plan_a_plan_is_not_submitted()
    {
        var refused = Assert.Throws<PlanRuleException>(() => WithoutBackout(People.Alex).Submit(People.Owner, Start));

        Assert.Equal(PlanRule.Incomplete, refused.Rule);
        Assert.Contains("What triggers a backout?", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Where_the_tenant_makes_it_optional_a_plan_without_it_is_complete_and_submitted()
    {
        var plan = WithoutBackout(People.Alex) with { BackoutOptional = true };

        var completeness = plan.Completeness();

        Assert.True(completeness.IsComplete);
        Assert.Equal(100, completeness.Percent);
        Assert.Equal(PlanChecklist.Count - PlanChecklist.In(Section.Backout).Count(), completeness.Total);
        Assert.Equal(PlanState.InReview, plan.Submit(People.Owner, Start).State);
    }

    [Fact]
    public void An_optional_backout_answer_given_still_counts()
    {
        var plan = (WithoutBackout(People.Alex) with { BackoutOptional = true })
            .WithAnswer(AnswerOf(PlanChecklist.BackoutTriggers, "Smoke tests failing"), Start);

        var completeness = plan.Completeness();

        Assert.Equal(PlanChecklist.Count - PlanChecklist.In(Section.Backout).Count() + 1, completeness.Total);
        Assert.True(completeness.IsComplete);
    }

    [Fact]
    public void An_optional_backout_answer_carried_over_must_still_be_confirmed()
    {
        var plan = (WithoutBackout(People.Alex) with { BackoutOptional = true })
            .WithAnswer(AnswerOf(PlanChecklist.BackoutSteps, "Swap the slots back", carriedOver: true), Start);

        var completeness = plan.Completeness();

        Assert.Equal(PlanChecklist.BackoutSteps, Assert.Single(completeness.Unconfirmed).Id);
        Assert.False(completeness.IsComplete);
    }

    [Theory]
    [InlineData(PlanChecklist.BackoutTriggers, CarryOverRule.KeepUnconfirmed)]
    [InlineData(PlanChecklist.BackoutSteps, CarryOverRule.KeepUnconfirmed)]
    [InlineData(PlanChecklist.BackoutDecider, CarryOverRule.KeepUnconfirmed)]
    [InlineData("backout-compatibility", CarryOverRule.Flag)]
    [InlineData("backout-duration", CarryOverRule.Flag)]
    public void Backout_answers_come_over_to_the_next_release_to_be_confirmed(string questionId, CarryOverRule rule)
    {
        Assert.Equal(rule, PlanChecklist.Get(questionId).CarryOver);
        Assert.Equal(Section.Backout, PlanChecklist.Get(questionId).Section);
    }

    [Fact]
    public void The_decider_is_a_person_and_compatibility_a_yes_or_no_with_detail()
    {
        Assert.Equal(AnswerKind.People, PlanChecklist.Get(PlanChecklist.BackoutDecider).Kind);
        Assert.Equal(AnswerKind.YesNoWithDetail, PlanChecklist.Get("backout-compatibility").Kind);
    }
}
