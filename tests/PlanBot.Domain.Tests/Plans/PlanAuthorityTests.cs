using PlanBot.Domain.Plans;
using PlanBot.Domain.Tests.Support;
using static PlanBot.Domain.Tests.Support.SamplePlans;

namespace PlanBot.Domain.Tests.Plans;

/// <summary>
/// Who may decide and who may hand a plan over: separation of duties by the tenant's approval policy,
/// decisions bound to the revision their approver saw, and ownership changing hands.
/// </summary>
public sealed class PlanAuthorityTests
{
    private static readonly DateTimeOffset Later = Start.AddHours(1);

    [Fact]
    public void An_owner_named_as_approver_cannot_approve_their_own_plan_by_default()
    {
        var plan = InReview(People.Owner, People.Alex);

        var refused = Assert.Throws<PlanRuleException>(() => plan.Decide(People.Owner, Verdict.Approve, null, Later));

        Assert.Equal(PlanRule.OwnApproval, refused.Rule);
        Assert.Contains("Dana Owner owns the plan", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tenant_may_let_an_owner_approve_their_own_plan()
    {
        var plan = InReview(People.Owner).Decide(People.Owner, Verdict.Approve, null, Later, policy: new ApprovalPolicy(OwnerMayApprove: true));

        Assert.Equal(PlanState.Approved, plan.State);
    }

    [Fact]
    public void An_owner_may_still_reject_their_own_plan()
    {
        var plan = InReview(People.Owner).Decide(People.Owner, Verdict.Reject, "Found a problem myself", Later);

        Assert.Equal(PlanState.Rejected, plan.State);
    }

    [Fact]
    public void Someone_who_answered_a_section_may_approve_unless_the_tenant_forbids_it()
    {
        var answered = Complete(People.Alex, People.Megan).WithAnswer(AnswerOf("risks", "None known", by: People.Alex), Start).Submit(People.Owner, Start);

        Assert.Equal(PlanState.Approved, answered.Decide(People.Alex, Verdict.Approve, null, Later).State);
        var refused = Assert.Throws<PlanRuleException>(() => answered.Decide(People.Alex, Verdict.Approve, null, Later, policy: new ApprovalPolicy(ContributorsMayApprove: false)));
        Assert.Equal(PlanRule.ContributorApproval, refused.Rule);
        Assert.Equal(PlanState.Approved, answered.Decide(People.Megan, Verdict.Approve, null, Later, policy: new ApprovalPolicy(ContributorsMayApprove: false)).State);
    }

    [Fact]
    public void An_answer_carried_over_and_not_confirmed_does_not_make_its_author_a_contributor()
    {
        var plan = Started().WithAnswer(AnswerOf("risks", "None known", by: People.Alex, carriedOver: true), Start);

        Assert.False(plan.IsContributor(People.Alex));
        Assert.True(plan.Confirm("risks", People.Megan, "msteams", Start).IsContributor(People.Megan));
    }

    [Fact]
    public void A_decision_on_a_revision_other_than_the_current_one_is_refused()
    {
        var plan = InReview(People.Alex);

        var refused = Assert.Throws<PlanRuleException>(() => plan.Decide(People.Alex, Verdict.Approve, null, Later, seenRevision: plan.Revision - 1));

        Assert.Equal(PlanRule.RevisionChanged, refused.Rule);
        Assert.Equal(PlanState.Approved, plan.Decide(People.Alex, Verdict.Approve, null, Later, seenRevision: plan.Revision).State);
    }

    [Fact]
    public void The_owner_hands_the_plan_over_and_it_is_recorded()
    {
        var plan = Complete(People.Alex).HandOver(People.Megan, People.Owner, byReleaseAdmin: false, Later);

        Assert.Equal(People.Megan, plan.Owner);
        Assert.Equal("Handed the plan over from Dana Owner to Megan Bowen", plan.History[^1].What);
        Assert.Equal(People.Owner, plan.History[^1].By);
    }

    [Fact]
    public void Someone_else_may_hand_a_plan_over_only_as_a_release_admin()
    {
        var plan = Complete(People.Alex);

        var refused = Assert.Throws<PlanRuleException>(() => plan.HandOver(People.Megan, People.Alex, byReleaseAdmin: false, Later));

        Assert.Equal(PlanRule.OwnerOnly, refused.Rule);
        Assert.Equal(People.Megan, plan.HandOver(People.Megan, People.Alex, byReleaseAdmin: true, Later).Owner);
    }

    [Fact]
    public void Handing_a_plan_to_its_owner_changes_nothing()
    {
        var plan = Complete(People.Alex);

        Assert.Same(plan, plan.HandOver(People.Owner, People.Owner, byReleaseAdmin: false, Later));
    }
}
