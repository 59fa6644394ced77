using PlanBot.Domain.Plans;
using PlanBot.Domain.Tests.Support;
using static PlanBot.Domain.Tests.Support.SamplePlans;

namespace PlanBot.Domain.Tests.Plans;

public sealed class PlanCancelTests
{
    private static Plan Answered() => Started().WithAnswer(AnswerOf("features", "Checkout v2"), Start);

    [Fact]
    public void Owner_may_cancel_the_plan()
    {
        var plan = Answered().Cancel(People.Owner, Start);

        Assert.Equal(PlanState.Cancelled, plan.State);
        Assert.Equal("Cancelled the plan", plan.History[^1].What);
    }

    [Fact]
    public void Someone_other_than_the_owner_may_not_cancel_the_plan()
    {
        var refused = Assert.Throws<PlanRuleException>(() => Answered().Cancel(People.Alex, Start));

        Assert.Equal("Only the plan's owner, Dana Owner, may cancel it.", refused.Message);
    }

    [Fact]
    public void Cancelled_plan_refuses_edits_until_it_is_reopened()
    {
        var cancelled = Answered().Cancel(People.Owner, Start);

        var refused = Assert.Throws<PlanRuleException>(() => cancelled.WithAnswer(AnswerOf("risks", "None known"), Start));

        Assert.Equal(PlanRule.Cancelled, refused.Rule);
        Assert.Equal("The plan for Contoso.Web 2.4 is cancelled; reopen it to change it.", refused.Message);
        Assert.Throws<PlanRuleException>(() => cancelled.WithoutAnswer("features", People.Owner, Start));
    }

    [Fact]
    public void Cancelled_plan_cannot_be_submitted()
    {
        var cancelled = Complete(People.Alex).Cancel(People.Owner, Start);

        var refused = Assert.Throws<PlanRuleException>(() => cancelled.Submit(People.Owner, Start));

        Assert.Equal("The plan is cancelled; reopen it before submitting.", refused.Message);
    }

    [Fact]
    public void Owner_may_reopen_a_cancelled_plan_with_its_answers()
    {
        var answered = Answered();

        var reopened = answered.Cancel(People.Owner, Start).Reopen(People.Owner, Start);

        Assert.Equal(PlanState.Draft, reopened.State);
        Assert.Equal(answered.Answers, reopened.Answers);
        Assert.Equal("Reopened the plan", reopened.History[^1].What);
    }

    [Fact]
    public void Someone_other_than_the_owner_may_not_reopen_the_plan()
    {
        var cancelled = Answered().Cancel(People.Owner, Start);

        Assert.Throws<PlanRuleException>(() => cancelled.Reopen(People.Alex, Start));
    }

    [Fact]
    public void Cancelling_or_reopening_twice_changes_nothing_more()
    {
        var cancelled = Answered().Cancel(People.Owner, Start);
        var reopened = cancelled.Reopen(People.Owner, Start);

        Assert.Same(cancelled, cancelled.Cancel(People.Owner, Start));
        Assert.Same(reopened, reopened.Reopen(People.Owner, Start));
    }
}
