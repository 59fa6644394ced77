using PlanBot.Domain.Answers;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;
using PlanBot.Domain.Tests.Support;
using static PlanBot.Domain.Tests.Support.SamplePlans;

namespace PlanBot.Domain.Tests.Plans;

/// <summary>Keeping, removing and changing answers: what each records, and what a refusal says.</summary>
public sealed class PlanEditingRulesTests
{
    private static readonly DateTimeOffset Later = Start.AddHours(2);

    private static Plan WithCarriedStakeholders() =>
        Started().WithAnswer(AnswerOf("stakeholders", "Retail division", People.Alex, carriedOver: true), Start);

    [Fact]
    public void Keeping_a_carried_over_answer_credits_whoever_kept_it_and_counts_as_a_change()
    {
        var plan = WithCarriedStakeholders();

        var kept = plan.Confirm("stakeholders", People.Megan, "slack", Later);

        var answer = kept.AnswerTo("stakeholders")!;
        Assert.Equal("Retail division", answer.Value.Text);
        Assert.Equal(new Provenance(People.Megan, Later, "slack", CarriedOver: false, CarriedFromPlanId: "plan-0"), answer.Provenance);
        Assert.Equal(plan.Revision + 1, kept.Revision);
        var recorded = kept.History[^1];
        Assert.Equal(("Kept the carried-over answer to \"Which customer organisation and stakeholders are affected?\"", People.Megan, Later), (recorded.What, recorded.By, recorded.At));
    }

    [Fact]
    public void Keeping_an_answer_that_is_not_carried_over_changes_nothing()
    {
        var plan = Started().WithAnswer(AnswerOf("stakeholders", "Retail division"), Start);

        Assert.Same(plan, plan.Confirm("stakeholders", People.Megan, "msteams", Later));
    }

    [Fact]
    public void Keeping_an_unanswered_question_changes_nothing()
    {
        var plan = WithCarriedStakeholders();

        Assert.Same(plan, plan.Confirm("risks", People.Megan, "msteams", Later));
    }

    [Fact]
    public void Removing_an_answer_is_recorded_as_a_change()
    {
        var plan = WithCarriedStakeholders();

        var removed = plan.WithoutAnswer("stakeholders", People.Megan, Later);

        Assert.Null(removed.AnswerTo("stakeholders"));
        Assert.Equal(plan.Revision + 1, removed.Revision);
        var recorded = removed.History[^1];
        Assert.Equal(("Removed the answer to \"Which customer organisation and stakeholders are affected?\"", People.Megan, Later), (recorded.What, recorded.By, recorded.At));
    }

    [Fact]
    public void Someone_other_than_the_owner_may_not_remove_the_approvers_and_is_told_who_may()
    {
        var plan = Started().WithAnswer(ApproversAnswer(People.Alex), Start);

        var refused = Assert.Throws<PlanRuleException>(() => plan.WithoutAnswer(Plan.ApproversQuestion, People.Alex, Later));

        Assert.Equal("Only the plan's owner, Dana Owner, may change the approvers.", refused.Message);
    }

    [Fact]
    public void Editing_a_draft_does_not_start_a_review()
    {
        var edited = Started().WithAnswer(AnswerOf("risks", "None known"), Later);

        Assert.Equal(PlanState.Draft, edited.State);
        Assert.Null(edited.InReviewSince);
    }

    [Fact]
    public void Editing_a_rejected_plan_back_to_draft_keeps_when_its_last_review_started()
    {
        var rejected = InReview(People.Alex).Decide(People.Alex, Verdict.Reject, "Window too short", Start.AddHours(1));

        var edited = rejected.WithAnswer(AnswerOf("deployment-window", "A longer window"), Later);

        Assert.Equal(PlanState.Draft, edited.State);
        Assert.Equal(Start, edited.InReviewSince);
    }

    [Fact]
    public void Refused_submission_lists_each_open_question_once_separated_by_semicolons()
    {
        var plan = Complete(People.Alex).WithoutAnswer("risks", People.Owner, Start).WithoutAnswer("done", People.Owner, Start);

        var refused = Assert.Throws<PlanRuleException>(() => plan.Submit(People.Owner, Start));

        Assert.Equal($"The plan is not complete yet. Still open: {PlanChecklist.Get("risks").Text}; {PlanChecklist.Get("done").Text}", refused.Message);
    }

    [Fact]
    public void Refused_decision_names_every_approver()
    {
        var refused = Assert.Throws<PlanRuleException>(() => InReview(People.Alex, People.Megan).Decide(People.Outsider, Verdict.Approve, null, Later));

        Assert.Equal("Only the approvers named in section 5 may decide: Alex Wilber, Megan Bowen.", refused.Message);
    }

    [Fact]
    public void Checklist_with_no_questions_counts_as_complete()
    {
        Assert.Equal(100, new Completeness(0, 0, [], [], []).Percent);
    }
}
