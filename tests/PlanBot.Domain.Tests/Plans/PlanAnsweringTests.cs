using PlanBot.Domain.Answers;
using PlanBot.Domain.Plans;
using PlanBot.Domain.Tests.Support;
using static PlanBot.Domain.Tests.Support.SamplePlans;

namespace PlanBot.Domain.Tests.Plans;

public sealed class PlanAnsweringTests
{
    [Fact]
    public void Start_makes_an_empty_draft_owned_by_whoever_started_it()
    {
        var plan = Started();

        Assert.Equal(PlanState.Draft, plan.State);
        Assert.Equal(0, plan.Revision);
        Assert.Empty(plan.Answers);
        Assert.Equal(People.Owner, plan.Owner);
        Assert.Equal("Contoso.Web 2.4", plan.Title);
        var started = Assert.Single(plan.History);
        Assert.Equal("Started the plan for Contoso.Web 2.4", started.What);
        Assert.Equal(People.Owner, started.By);
    }

    [Theory]
    [InlineData("", "2.4")]
    [InlineData("Contoso.Web", " ")]
    public void Start_without_a_product_or_version_is_refused(string product, string version)
    {
        Assert.ThrowsAny<ArgumentException>(() => Plan.Start("plan-1", "msteams:tenant-1", product, version, People.Owner, Start));
    }

    [Fact]
    public void WithAnswer_records_the_answer_with_who_gave_it()
    {
        var answer = AnswerOf("features", "Checkout v2", People.Alex);

        var plan = Started().WithAnswer(answer, Start.AddMinutes(1));

        Assert.Equal(answer, plan.AnswerTo("features"));
        Assert.Equal(People.Alex, plan.AnswerTo("features")!.Provenance.AnsweredBy);
    }

    [Fact]
    public void WithAnswer_increments_the_revision_and_appends_to_the_history()
    {
        var at = Start.AddMinutes(5);

        var plan = Started()
            .WithAnswer(AnswerOf("features", "Checkout v2", People.Alex), at)
            .WithAnswer(AnswerOf("features", "Checkout v2 and saved carts", People.Megan), at);

        Assert.Equal(2, plan.Revision);
        Assert.Equal("Checkout v2 and saved carts", plan.AnswerTo("features")!.Value.Text);
        Assert.Equal(3, plan.History.Count);
        var last = plan.History[^1];
        Assert.Equal("Answered \"What features must be deployed?\"", last.What);
        Assert.Equal(People.Megan, last.By);
        Assert.Equal(at, last.At);
        Assert.Equal(2, last.Revision);
    }

    [Fact]
    public void WithAnswer_leaves_the_earlier_plan_as_it_was()
    {
        var before = Started();

        _ = before.WithAnswer(AnswerOf("features", "Checkout v2"), Start);

        Assert.Empty(before.Answers);
        Assert.Equal(0, before.Revision);
        Assert.Single(before.History);
    }

    [Fact]
    public void WithAnswer_to_a_question_not_in_the_checklist_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Started().WithAnswer(AnswerOf("favourite-colour", "blue"), Start));
    }

    [Fact]
    public void Owner_may_name_the_approvers()
    {
        var plan = Started().WithAnswer(ApproversAnswer(People.Alex, People.Megan), Start);

        Assert.Equal([People.Alex, People.Megan], plan.Approvers);
        Assert.True(plan.IsApprover(People.Megan));
        Assert.False(plan.IsApprover(People.Outsider));
    }

    [Fact]
    public void Someone_other_than_the_owner_may_not_name_the_approvers()
    {
        var answer = AnswerOf(Plan.ApproversQuestion, "Alex Wilber", People.Alex, people: [People.Alex]);

        var refused = Assert.Throws<PlanRuleException>(() => Started().WithAnswer(answer, Start));

        Assert.Equal("Only the plan's owner, Dana Owner, may change the approvers.", refused.Message);
    }

    [Fact]
    public void Someone_other_than_the_owner_may_answer_other_questions()
    {
        var plan = Started().WithAnswer(AnswerOf("risks", "None known", People.Outsider), Start);

        Assert.Equal(People.Outsider, plan.AnswerTo("risks")!.Provenance.AnsweredBy);
    }

    [Fact]
    public void Only_the_owner_may_clear_the_approvers()
    {
        var plan = Started().WithAnswer(ApproversAnswer(People.Alex), Start);

        Assert.Throws<PlanRuleException>(() => plan.WithoutAnswer(Plan.ApproversQuestion, People.Alex, Start));
        var cleared = plan.WithoutAnswer(Plan.ApproversQuestion, People.Owner, Start);

        Assert.Empty(cleared.Approvers);
        Assert.Null(cleared.AnswerTo(Plan.ApproversQuestion));
        Assert.Equal(plan.Revision + 1, cleared.Revision);
    }

    [Fact]
    public void WithoutAnswer_of_an_unanswered_question_changes_nothing()
    {
        var plan = Started();

        Assert.Same(plan, plan.WithoutAnswer("risks", People.Alex, Start));
    }

    [Fact]
    public void Approver_named_by_email_is_recognised_by_their_sign_in_name()
    {
        var byEmail = new PersonRef(string.Empty, "alex@contoso.com", Upn: "alex@contoso.com");
        var plan = Started().WithAnswer(ApproversAnswer(byEmail), Start);

        Assert.True(plan.IsApprover(People.Alex));
    }
}
