using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;
using PlanBot.Domain.Tests.Support;
using static PlanBot.Domain.Tests.Support.SamplePlans;

namespace PlanBot.Domain.Tests.Plans;

/// <summary>A cancelled plan keeps its answers as they are until its owner reopens it.</summary>
public sealed class PlanCancelledRulesTests
{
    private const string CancelledMessage = "The plan for Contoso.Web 2.4 is cancelled; reopen it to change it.";

    private static Plan CarriedOverThenCancelled() =>
        Started()
            .WithAnswer(AnswerOf("stakeholders", "Retail division", carriedOver: true), Start)
            .Cancel(People.Owner, Start);

    [Fact]
    public void Cancelled_plan_refuses_a_new_answer_saying_how_to_reopen_it()
    {
        var refused = Assert.Throws<PlanRuleException>(() => CarriedOverThenCancelled().WithAnswer(AnswerOf("risks", "None known"), Start));

        Assert.Equal(CancelledMessage, refused.Message);
        Assert.Equal(PlanRule.Cancelled, refused.Rule);
    }

    [Fact]
    public void Cancelled_plan_refuses_to_keep_a_carried_over_answer()
    {
        var cancelled = CarriedOverThenCancelled();

        var refused = Assert.Throws<PlanRuleException>(() => cancelled.Confirm("stakeholders", People.Owner, "msteams", Start));

        Assert.Equal(CancelledMessage, refused.Message);
        Assert.Equal(PlanRule.Cancelled, refused.Rule);
    }

    [Fact]
    public void Cancelled_plan_refuses_to_remove_an_answer()
    {
        var refused = Assert.Throws<PlanRuleException>(() => CarriedOverThenCancelled().WithoutAnswer("stakeholders", People.Owner, Start));

        Assert.Equal(CancelledMessage, refused.Message);
        Assert.Equal(PlanRule.Cancelled, refused.Rule);
    }

    [Fact]
    public void Cancelled_plan_refuses_to_remove_an_answer_it_does_not_have()
    {
        Assert.Throws<PlanRuleException>(() => CarriedOverThenCancelled().WithoutAnswer("risks", People.Owner, Start));
    }

    [Fact]
    public void Cancelled_plan_refuses_to_assign_a_section()
    {
        var refused = Assert.Throws<PlanRuleException>(() => CarriedOverThenCancelled().Assign(Section.RisksAndIssues, People.Megan, People.Owner, Start));

        Assert.Equal(CancelledMessage, refused.Message);
        Assert.Equal(PlanRule.Cancelled, refused.Rule);
    }

    [Fact]
    public void Cancelled_plan_takes_no_decisions()
    {
        var cancelled = InReview(People.Alex).Cancel(People.Owner, Start);

        var refused = Assert.Throws<PlanRuleException>(() => cancelled.Decide(People.Alex, Verdict.Approve, null, Start));

        Assert.Equal("The plan is cancelled; only a plan in review takes decisions.", refused.Message);
    }

    [Fact]
    public void Reopened_plan_takes_answers_again()
    {
        var reopened = CarriedOverThenCancelled().Reopen(People.Owner, Start);

        var kept = reopened.Confirm("stakeholders", People.Owner, "msteams", Start);

        Assert.False(kept.AnswerTo("stakeholders")!.IsUnconfirmed);
    }
}
