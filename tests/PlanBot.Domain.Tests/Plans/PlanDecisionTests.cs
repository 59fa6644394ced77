using PlanBot.Domain.Plans;
using PlanBot.Domain.Tests.Support;
using static PlanBot.Domain.Tests.Support.SamplePlans;

namespace PlanBot.Domain.Tests.Plans;

public sealed class PlanDecisionTests
{
    private static readonly DateTimeOffset Later = Start.AddHours(1);

    [Fact]
    public void One_approval_approves_the_plan_when_any_approver_will_do()
    {
        var plan = InReview(People.Alex, People.Megan).Decide(People.Alex, Verdict.Approve, null, Later);

        Assert.Equal(Quorum.Any, plan.Quorum);
        Assert.Equal(PlanState.Approved, plan.State);
        var decision = Assert.Single(plan.Decisions);
        Assert.Equal((People.Alex, Verdict.Approve, plan.Revision, false), (decision.Approver, decision.Verdict, decision.Revision, decision.Stale));
        Assert.Equal($"Approved revision {plan.Revision}", plan.History[^1].What);
    }

    [Fact]
    public void Every_approver_must_approve_when_the_quorum_is_all()
    {
        var plan = InReview(People.Alex, People.Megan).WithQuorum(Quorum.All, People.Owner, Start);

        var once = plan.Decide(People.Alex, Verdict.Approve, null, Later);
        var twice = once.Decide(People.Megan, Verdict.Approve, null, Later);

        Assert.Equal(PlanState.InReview, once.State);
        Assert.Equal(PlanState.Approved, twice.State);
    }

    [Fact]
    public void Approving_twice_counts_once()
    {
        var plan = InReview(People.Alex, People.Megan).WithQuorum(Quorum.All, People.Owner, Start);

        var once = plan.Decide(People.Alex, Verdict.Approve, null, Later);
        var twice = once.Decide(People.Alex, Verdict.Approve, null, Later.AddSeconds(1));

        Assert.Same(once, twice);
        Assert.Single(twice.Decisions);
        Assert.Equal(PlanState.InReview, twice.State);
    }

    [Fact]
    public void Someone_not_named_as_approver_may_not_decide()
    {
        var refused = Assert.Throws<PlanRuleException>(() => InReview(People.Alex).Decide(People.Outsider, Verdict.Approve, null, Later));

        Assert.Equal("Only the approvers named in section 5 may decide: Alex Wilber.", refused.Message);
    }

    [Fact]
    public void Owner_who_is_not_an_approver_may_not_decide()
    {
        Assert.Throws<PlanRuleException>(() => InReview(People.Alex).Decide(People.Owner, Verdict.Approve, null, Later));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Rejection_without_a_reason_is_refused(string? reason)
    {
        var refused = Assert.Throws<PlanRuleException>(() => InReview(People.Alex).Decide(People.Alex, Verdict.Reject, reason, Later));

        Assert.Equal("A rejection needs a reason.", refused.Message);
    }

    [Fact]
    public void Rejection_with_a_reason_rejects_the_plan()
    {
        var plan = InReview(People.Alex, People.Megan).Decide(People.Alex, Verdict.Reject, "  No backout window.  ", Later);

        Assert.Equal(PlanState.Rejected, plan.State);
        Assert.Equal("No backout window.", plan.Decisions[^1].Reason);
        Assert.Equal($"Rejected revision {plan.Revision}: No backout window.", plan.History[^1].What);
    }

    [Fact]
    public void Draft_takes_no_decisions()
    {
        var refused = Assert.Throws<PlanRuleException>(() => Complete(People.Alex).Decide(People.Alex, Verdict.Approve, null, Later));

        Assert.Equal(PlanRule.NotInReview, refused.Rule);
        Assert.Equal("The plan is a draft; only a plan in review takes decisions.", refused.Message);
    }

    [Fact]
    public void Edit_after_approval_makes_the_approval_stale_and_puts_the_plan_back_in_review()
    {
        var approved = InReview(People.Alex).Decide(People.Alex, Verdict.Approve, null, Later);

        var edited = approved.WithAnswer(AnswerOf("risks", "Payment provider change freeze"), Later.AddMinutes(1));

        Assert.Equal(PlanState.InReview, edited.State);
        Assert.All(edited.Decisions, d => Assert.True(d.Stale));
        Assert.Equal(approved.Revision + 1, edited.Revision);
        Assert.Equal("Earlier decisions are stale after this change", edited.History[^1].What);
    }

    [Fact]
    public void Stale_approval_must_be_given_again_for_the_new_revision()
    {
        var edited = InReview(People.Alex)
            .Decide(People.Alex, Verdict.Approve, null, Later)
            .WithAnswer(AnswerOf("risks", "Payment provider change freeze"), Later);

        var again = edited.Decide(People.Alex, Verdict.Approve, null, Later.AddMinutes(2));

        Assert.Equal(PlanState.Approved, again.State);
        Assert.Equal(2, again.Decisions.Count);
        Assert.Equal(edited.Revision, again.Decisions.Single(d => !d.Stale).Revision);
    }

    [Fact]
    public void Edit_after_rejection_returns_the_plan_to_draft()
    {
        var rejected = InReview(People.Alex).Decide(People.Alex, Verdict.Reject, "No backout window.", Later);

        var edited = rejected.WithAnswer(AnswerOf("rollout-order", "Database first, then web nodes; backout by slot swap"), Later);

        Assert.Equal(PlanState.Draft, edited.State);
        Assert.All(edited.Decisions, d => Assert.True(d.Stale));
    }

    [Fact]
    public void Rejected_plan_can_be_submitted_again_once_changed()
    {
        var resubmitted = InReview(People.Alex)
            .Decide(People.Alex, Verdict.Reject, "No backout window.", Later)
            .WithAnswer(AnswerOf("rollout-order", "Slot swap back"), Later)
            .Submit(People.Owner, Later);

        Assert.Equal(PlanState.InReview, resubmitted.State);
    }
}
