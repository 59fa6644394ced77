using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;
using PlanBot.Domain.Tests.Support;
using static PlanBot.Domain.Tests.Support.SamplePlans;

namespace PlanBot.Domain.Tests.Plans;

/// <summary>What only the plan's owner may do, and that nobody else's attempt changes the plan.</summary>
public sealed class PlanOwnerRulesTests
{
    [Fact]
    public void Owner_may_set_the_quorum_and_it_is_recorded()
    {
        var plan = Started().WithQuorum(Quorum.All, People.Owner, Start.AddMinutes(1));

        Assert.Equal(Quorum.All, plan.Quorum);
        var set = plan.History[^1];
        Assert.Equal(("Set the quorum to All", People.Owner, Start.AddMinutes(1)), (set.What, set.By, set.At));
    }

    [Fact]
    public void Someone_other_than_the_owner_may_not_set_the_quorum()
    {
        var plan = InReview(People.Alex, People.Megan);

        var refused = Assert.Throws<PlanRuleException>(() => plan.WithQuorum(Quorum.All, People.Alex, Start));

        Assert.Equal("Only the plan's owner, Dana Owner, may set the quorum.", refused.Message);
    }

    [Fact]
    public void Setting_the_quorum_it_already_has_changes_nothing()
    {
        var plan = Started();

        Assert.Same(plan, plan.WithQuorum(Quorum.Any, People.Owner, Start));
    }

    [Fact]
    public void Someone_other_than_the_owner_may_not_reopen_the_plan_and_is_told_who_may()
    {
        var cancelled = Started().Cancel(People.Owner, Start);

        var refused = Assert.Throws<PlanRuleException>(() => cancelled.Reopen(People.Alex, Start));

        Assert.Equal("Only the plan's owner, Dana Owner, may reopen it.", refused.Message);
    }

    [Fact]
    public void Someone_other_than_the_owner_may_not_reopen_even_a_plan_that_is_not_cancelled()
    {
        Assert.Throws<PlanRuleException>(() => Started().Reopen(People.Alex, Start));
    }

    [Fact]
    public void Owner_may_assign_a_section_and_it_is_recorded()
    {
        var at = Start.AddMinutes(3);

        var plan = Started().Assign(Section.RisksAndIssues, People.Megan, People.Owner, at);

        var assignment = Assert.Single(plan.Assignments);
        Assert.Equal(new Assignment(Section.RisksAndIssues, People.Megan, at), assignment);
        Assert.Equal("Assigned section 3, Risks and issues, to Megan Bowen", plan.History[^1].What);
        Assert.Equal(People.Owner, plan.History[^1].By);
    }

    [Fact]
    public void Someone_other_than_the_owner_may_not_assign_a_section()
    {
        var refused = Assert.Throws<PlanRuleException>(() => Started().Assign(Section.RisksAndIssues, People.Megan, People.Alex, Start));

        Assert.Equal("Only the plan's owner, Dana Owner, may assign sections.", refused.Message);
    }

    [Fact]
    public void The_approvers_section_cannot_be_assigned()
    {
        var refused = Assert.Throws<PlanRuleException>(() => Started().Assign(Section.Approvers, People.Megan, People.Owner, Start));

        Assert.Equal("Section 5, the approvers, stays with the plan's owner.", refused.Message);
    }

    [Fact]
    public void Assigning_a_section_again_hands_it_to_the_new_assignee_only()
    {
        var plan = Started()
            .Assign(Section.RisksAndIssues, People.Megan, People.Owner, Start)
            .Assign(Section.DeliveryTeam, People.Megan, People.Owner, Start)
            .Assign(Section.RisksAndIssues, People.Alex, People.Owner, Start.AddMinutes(1));

        Assert.Equal(
            [(Section.DeliveryTeam, People.Megan), (Section.RisksAndIssues, People.Alex)],
            plan.Assignments.Select(a => (a.Section, a.Assignee)));
    }

    [Fact]
    public void Someone_other_than_the_owner_may_not_keep_a_carried_over_list_of_approvers()
    {
        var plan = Started().WithAnswer(ApproversAnswer(People.Alex) with { Provenance = new(People.Owner, Start, "msteams", CarriedOver: true) }, Start);

        var refused = Assert.Throws<PlanRuleException>(() => plan.Confirm(Plan.ApproversQuestion, People.Alex, "msteams", Start));

        Assert.Equal("Only the plan's owner, Dana Owner, may change the approvers.", refused.Message);
        Assert.True(plan.AnswerTo(Plan.ApproversQuestion)!.IsUnconfirmed);
    }

    [Fact]
    public void Owner_may_keep_a_carried_over_list_of_approvers()
    {
        var plan = Started().WithAnswer(ApproversAnswer(People.Alex) with { Provenance = new(People.Owner, Start, "msteams", CarriedOver: true) }, Start);

        var kept = plan.Confirm(Plan.ApproversQuestion, People.Owner, "msteams", Start);

        Assert.False(kept.AnswerTo(Plan.ApproversQuestion)!.IsUnconfirmed);
        Assert.Equal([People.Alex], kept.Approvers);
    }
}
