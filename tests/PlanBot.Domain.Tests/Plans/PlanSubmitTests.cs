using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;
using PlanBot.Domain.Tests.Support;
using static PlanBot.Domain.Tests.Support.SamplePlans;

namespace PlanBot.Domain.Tests.Plans;

public sealed class PlanSubmitTests
{
    [Fact]
    public void Complete_plan_submitted_by_its_owner_goes_into_review()
    {
        var plan = Complete(People.Alex).Submit(People.Owner, Start);

        Assert.Equal(PlanState.InReview, plan.State);
        Assert.Equal("Submitted the plan for approval", plan.History[^1].What);
    }

    [Fact]
    public void Submit_of_an_incomplete_plan_is_refused_listing_what_is_open()
    {
        var plan = Complete(People.Alex).WithoutAnswer("risks", People.Owner, Start).WithoutAnswer("done", People.Owner, Start);

        var refused = Assert.Throws<PlanRuleException>(() => plan.Submit(People.Owner, Start));

        Assert.StartsWith("The plan is not complete yet. Still open:", refused.Message, StringComparison.Ordinal);
        Assert.Contains(PlanChecklist.Get("risks").Text, refused.Message, StringComparison.Ordinal);
        Assert.Contains(PlanChecklist.Get("done").Text, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(PlanChecklist.Get("features").Text, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_of_a_fresh_plan_lists_every_question()
    {
        var refused = Assert.Throws<PlanRuleException>(() => Started().Submit(People.Owner, Start));

        Assert.All(PlanChecklist.Questions, q => Assert.Contains(q.Text, refused.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Submit_with_an_unconfirmed_carried_over_answer_is_refused()
    {
        var plan = Complete(People.Alex).WithAnswer(AnswerOf("stakeholders", "Retail division", carriedOver: true), Start);

        var refused = Assert.Throws<PlanRuleException>(() => plan.Submit(People.Owner, Start));

        Assert.Contains(PlanChecklist.Get("stakeholders").Text, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_of_a_plan_that_names_no_approvers_is_refused()
    {
        var plan = Complete().WithAnswer(ApproversAnswer(), Start);

        var refused = Assert.Throws<PlanRuleException>(() => plan.Submit(People.Owner, Start));

        Assert.Equal("The plan names no approvers (section 5).", refused.Message);
    }

    [Fact]
    public void Submit_by_someone_other_than_the_owner_is_refused()
    {
        var refused = Assert.Throws<PlanRuleException>(() => Complete(People.Alex).Submit(People.Alex, Start));

        Assert.Equal("Only the plan's owner, Dana Owner, may submit it.", refused.Message);
    }

    [Fact]
    public void Submit_of_a_plan_already_in_review_is_refused()
    {
        var refused = Assert.Throws<PlanRuleException>(() => InReview(People.Alex).Submit(People.Owner, Start));

        Assert.Equal("The plan is already in review.", refused.Message);
    }
}
