using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;
using PlanBot.Domain.Tests.Support;

namespace PlanBot.Domain.Tests.Plans;

/// <summary>What a plan is waiting for, which reminders follow: approvers yet to decide, and assigned sections still open.</summary>
public sealed class PlanWaitingTests
{
    [Fact]
    public void A_submitted_plan_waits_for_every_approver_until_they_decide_on_its_revision()
    {
        var plan = SamplePlans.Complete(People.Alex, People.Megan).WithQuorum(Quorum.All, People.Owner, SamplePlans.Start).Submit(People.Owner, SamplePlans.Start);

        Assert.Equal([People.Alex, People.Megan], plan.AwaitingDecision());
        Assert.Equal(SamplePlans.Start, plan.InReviewSince);

        plan = plan.Decide(People.Megan, Verdict.Approve, null, SamplePlans.Start.AddHours(1));
        Assert.Equal([People.Alex], plan.AwaitingDecision());

        plan = plan.Decide(People.Alex, Verdict.Approve, null, SamplePlans.Start.AddHours(2));
        Assert.Equal(PlanState.Approved, plan.State);
        Assert.Empty(plan.AwaitingDecision());
    }

    [Fact]
    public void An_edit_during_review_makes_everyone_decide_again_from_the_time_of_the_edit()
    {
        var plan = SamplePlans.Complete(People.Alex, People.Megan).WithQuorum(Quorum.All, People.Owner, SamplePlans.Start).Submit(People.Owner, SamplePlans.Start);
        plan = plan.Decide(People.Megan, Verdict.Approve, null, SamplePlans.Start.AddHours(1));
        var edited = SamplePlans.Start.AddHours(3);

        plan = plan.WithAnswer(SamplePlans.AnswerOf("risks", "A new risk"), edited);

        Assert.Equal(PlanState.InReview, plan.State);
        Assert.Equal(edited, plan.InReviewSince);
        Assert.Equal([People.Alex, People.Megan], plan.AwaitingDecision());
    }

    [Fact]
    public void A_draft_or_rejected_plan_waits_for_no_decision()
    {
        Assert.Empty(SamplePlans.Complete(People.Alex).AwaitingDecision());
        var rejected = SamplePlans.InReview(People.Alex).Decide(People.Alex, Verdict.Reject, "Window too short", SamplePlans.Start);
        Assert.Empty(rejected.AwaitingDecision());
    }

    [Fact]
    public void An_assigned_section_stays_open_until_each_of_its_questions_is_answered_and_confirmed()
    {
        var plan = SamplePlans.Started().Assign(Section.DeliveryTeam, People.Megan, People.Owner, SamplePlans.Start);
        Assert.Equal([Section.DeliveryTeam], plan.OpenAssignments().Select(a => a.Section));

        plan = plan.WithAnswer(SamplePlans.AnswerOf("delivery-team", "Megan", People.Megan, people: [People.Megan]), SamplePlans.Start);
        plan = plan.WithAnswer(SamplePlans.AnswerOf("delivery-contacts", "On-call rota", People.Megan, carriedOver: true), SamplePlans.Start);
        Assert.Single(plan.OpenAssignments());

        plan = plan.Confirm("delivery-contacts", People.Megan, "msteams", SamplePlans.Start);
        Assert.Empty(plan.OpenAssignments());
    }

    [Fact]
    public void Assignments_of_a_plan_in_review_or_cancelled_wait_for_nothing()
    {
        var assigned = SamplePlans.Started().Assign(Section.RisksAndIssues, People.Megan, People.Owner, SamplePlans.Start);

        Assert.Empty(assigned.Cancel(People.Owner, SamplePlans.Start).OpenAssignments());
    }
}
