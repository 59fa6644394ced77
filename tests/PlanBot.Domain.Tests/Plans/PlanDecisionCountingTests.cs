using PlanBot.Domain.Plans;
using PlanBot.Domain.Tests.Support;
using static PlanBot.Domain.Tests.Support.SamplePlans;

namespace PlanBot.Domain.Tests.Plans;

/// <summary>
/// Which decisions count towards approval: each approver's latest decision on the current revision.
/// Earlier ones stay in the record, marked stale.
/// </summary>
public sealed class PlanDecisionCountingTests
{
    private static readonly DateTimeOffset Later = Start.AddHours(1);

    private static Plan AllMustApprove() =>
        Complete(People.Alex, People.Megan).WithQuorum(Quorum.All, People.Owner, Start).Submit(People.Owner, Start);

    [Fact]
    public void Approver_who_changes_their_mind_has_only_the_latest_decision_live()
    {
        var plan = AllMustApprove()
            .Decide(People.Alex, Verdict.Approve, null, Later)
            .Decide(People.Alex, Verdict.Reject, "Window too short", Later.AddMinutes(1));

        Assert.Equal(PlanState.Rejected, plan.State);
        Assert.Collection(
            plan.Decisions,
            approval => Assert.Equal((Verdict.Approve, true), (approval.Verdict, approval.Stale)),
            rejection => Assert.Equal((Verdict.Reject, false), (rejection.Verdict, rejection.Stale)));
    }

    [Fact]
    public void One_approvers_decision_leaves_another_approvers_decision_live()
    {
        var plan = AllMustApprove()
            .Decide(People.Alex, Verdict.Approve, null, Later)
            .Decide(People.Megan, Verdict.Reject, "No backout plan", Later.AddMinutes(1));

        Assert.All(plan.Decisions, d => Assert.False(d.Stale));
        Assert.Equal([People.Alex, People.Megan], plan.Decisions.Select(d => d.Approver));
    }

    [Fact]
    public void Approval_withdrawn_by_a_rejection_no_longer_counts_when_the_plan_is_submitted_again_unchanged()
    {
        var resubmitted = AllMustApprove()
            .Decide(People.Alex, Verdict.Approve, null, Later)
            .Decide(People.Alex, Verdict.Reject, "Window too short", Later)
            .Submit(People.Owner, Later);

        var megan = resubmitted.Decide(People.Megan, Verdict.Approve, null, Later.AddMinutes(1));

        Assert.Equal(PlanState.InReview, megan.State);
        Assert.Equal(PlanState.Approved, megan.Decide(People.Alex, Verdict.Approve, null, Later.AddMinutes(2)).State);
    }

    [Fact]
    public void Approval_on_an_earlier_revision_does_not_count_towards_the_quorum()
    {
        var edited = AllMustApprove()
            .Decide(People.Alex, Verdict.Approve, null, Later)
            .WithAnswer(AnswerOf("risks", "Payment provider change freeze"), Later);

        var megan = edited.Decide(People.Megan, Verdict.Approve, null, Later.AddMinutes(1));

        Assert.Equal(PlanState.InReview, megan.State);
        Assert.Equal([People.Alex], megan.AwaitingDecision());
    }

    [Fact]
    public void Edit_makes_every_live_decision_stale_even_when_some_already_were()
    {
        var rejected = AllMustApprove()
            .Decide(People.Alex, Verdict.Approve, null, Later)
            .Decide(People.Alex, Verdict.Reject, "Window too short", Later);

        var edited = rejected.WithAnswer(AnswerOf("deployment-window", "A longer window"), Later.AddMinutes(5));

        Assert.Equal(PlanState.Draft, edited.State);
        Assert.All(edited.Decisions, d => Assert.True(d.Stale));
        Assert.Equal(
            ["Answered \"In which time window will the deployment run?\"", "Earlier decisions are stale after this change"],
            edited.History.TakeLast(2).Select(e => e.What));
        Assert.All(edited.History.TakeLast(2), e => Assert.Equal((rejected.Revision + 1, Later.AddMinutes(5)), (e.Revision, e.At)));
    }

    [Fact]
    public void Edit_with_no_live_decision_records_only_the_answer()
    {
        var edited = InReview(People.Alex).WithAnswer(AnswerOf("risks", "None known"), Later);

        Assert.Equal("Answered \"What risks or issues does this release carry, from the risk assessment?\"", edited.History[^1].What);
        Assert.DoesNotContain(edited.History, e => e.What.Contains("stale", StringComparison.Ordinal));
    }

    [Fact]
    public void Decision_records_who_decided_when_and_on_which_revision()
    {
        var plan = InReview(People.Alex, People.Megan);

        var decided = plan.Decide(People.Megan, Verdict.Approve, null, Later);

        Assert.Equal(new Decision(People.Megan, Verdict.Approve, Later, plan.Revision, null), Assert.Single(decided.Decisions));
        var recorded = decided.History[^1];
        Assert.Equal((People.Megan, Later, plan.Revision), (recorded.By, recorded.At, recorded.Revision));
    }

    [Fact]
    public void Approved_plan_still_takes_a_rejection_from_another_approver()
    {
        var approved = InReview(People.Alex, People.Megan).Decide(People.Alex, Verdict.Approve, null, Later);

        var rejected = approved.Decide(People.Megan, Verdict.Reject, "Support is not ready", Later.AddMinutes(1));

        Assert.Equal(PlanState.Approved, approved.State);
        Assert.Equal(PlanState.Rejected, rejected.State);
    }

    [Fact]
    public void Rejected_plan_takes_no_decisions_until_it_is_submitted_again()
    {
        var rejected = InReview(People.Alex).Decide(People.Alex, Verdict.Reject, "Window too short", Later);

        var refused = Assert.Throws<PlanRuleException>(() => rejected.Decide(People.Alex, Verdict.Approve, null, Later));

        Assert.Equal("The plan is rejected; only a plan in review takes decisions.", refused.Message);
    }

    [Fact]
    public void Approved_plan_waits_for_no_one_even_if_some_approvers_have_not_decided()
    {
        var approved = InReview(People.Alex, People.Megan).Decide(People.Alex, Verdict.Approve, null, Later);

        Assert.Equal(PlanState.Approved, approved.State);
        Assert.Empty(approved.AwaitingDecision());
    }

    [Fact]
    public void Submitting_an_approved_plan_again_is_refused()
    {
        var approved = InReview(People.Alex).Decide(People.Alex, Verdict.Approve, null, Later);

        var refused = Assert.Throws<PlanRuleException>(() => approved.Submit(People.Owner, Later));

        Assert.Equal("The plan is already approved.", refused.Message);
    }
}
