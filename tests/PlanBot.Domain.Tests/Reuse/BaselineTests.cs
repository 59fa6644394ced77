using PlanBot.Domain.Answers;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;
using PlanBot.Domain.Reuse;
using PlanBot.Domain.Tests.Support;
using static PlanBot.Domain.Tests.Support.SamplePlans;

namespace PlanBot.Domain.Tests.Reuse;

/// <summary>Starting a release's plan from an earlier one: what is copied, how it is marked, and how the two compare.</summary>
public sealed class BaselineTests
{
    private static readonly DateTimeOffset Next = Start.AddDays(30);

    private static readonly PersonRef NextOwner = People.Megan;

    [Fact]
    public void Plan_started_from_a_baseline_is_the_same_products_next_release_owned_by_whoever_started_it()
    {
        var baseline = Complete(People.Alex);

        var plan = Baseline.StartFrom(baseline, "plan-2", "2.5", NextOwner, Next);

        Assert.Equal(("plan-2", baseline.TenantId, "Contoso.Web", "2.5"), (plan.Id, plan.TenantId, plan.Product, plan.Version));
        Assert.Equal(NextOwner, plan.Owner);
        Assert.Equal(Next, plan.CreatedAt);
        Assert.Equal(PlanState.Draft, plan.State);
        Assert.Equal((baseline.Id, "Contoso.Web 2.4", "2.4"), (plan.BaselinePlanId, plan.BaselineTitle, plan.BaselineVersion));
    }

    [Fact]
    public void Release_specific_answers_are_left_behind_and_the_rest_come_over_unconfirmed()
    {
        var baseline = Complete(People.Alex);

        var plan = Baseline.StartFrom(baseline, "plan-2", "2.5", NextOwner, Next);

        var cleared = PlanChecklist.Questions.Where(q => q.CarryOver == CarryOverRule.Clear).Select(q => q.Id).ToList();
        Assert.NotEmpty(cleared);
        Assert.All(cleared, id => Assert.Null(plan.AnswerTo(id)));
        Assert.Equal(PlanChecklist.Count - cleared.Count, plan.Answers.Count);
        Assert.All(plan.Answers.Values, answer =>
        {
            var old = baseline.AnswerTo(answer.QuestionId)!;
            Assert.True(answer.IsUnconfirmed);
            Assert.Equal(old.Value, answer.Value);
            Assert.Equal(new Provenance(old.Provenance.AnsweredBy, old.Provenance.At, old.Provenance.Channel, CarriedOver: true, CarriedFromPlanId: baseline.Id), answer.Provenance);
        });
    }

    [Fact]
    public void Carrying_over_is_recorded_with_the_count_and_does_not_count_as_a_change()
    {
        var baseline = Complete(People.Alex);

        var plan = Baseline.StartFrom(baseline, "plan-2", "2.5", NextOwner, Next);

        var copied = PlanChecklist.Questions.Count(q => q.CarryOver != CarryOverRule.Clear);
        Assert.Equal(0, plan.Revision);
        Assert.Collection(
            plan.History,
            started => Assert.Equal("Started the plan for Contoso.Web 2.5", started.What),
            carried =>
            {
                Assert.Equal($"Started from the plan for Contoso.Web 2.4: {copied} answer(s) carried over, to be confirmed", carried.What);
                Assert.Equal((NextOwner, Next, 0), (carried.By, carried.At, carried.Revision));
            });
    }

    [Fact]
    public void Copying_into_a_plan_keeps_the_answers_it_already_has()
    {
        var baseline = Complete(People.Alex);
        var mine = AnswerOf("risks", "Our own risks", People.Megan);
        var plan = Plan.Start("plan-9", baseline.TenantId, "Fabrikam.Shop", "1.0", NextOwner, Next).WithAnswer(mine, Next);

        var copied = Baseline.CopyInto(plan, baseline, Next);

        Assert.Equal(mine, copied.AnswerTo("risks"));
        Assert.Equal("Fabrikam.Shop", copied.Product);
        Assert.Equal("Contoso.Web 2.4", copied.BaselineTitle);
        var skipped = PlanChecklist.Questions.Count(q => q.CarryOver == CarryOverRule.Clear) + 1;
        Assert.EndsWith($": {PlanChecklist.Count - skipped} answer(s) carried over, to be confirmed", copied.History[^1].What, StringComparison.Ordinal);
        Assert.Equal(plan.Revision, copied.History[^1].Revision);
    }

    [Fact]
    public void Unanswered_questions_of_the_baseline_stay_unanswered()
    {
        var baseline = Started().WithAnswer(AnswerOf("risks", "None known"), Start);

        var plan = Baseline.StartFrom(baseline, "plan-2", "2.5", NextOwner, Next);

        Assert.Equal(["risks"], plan.Answers.Keys);
        Assert.EndsWith(": 1 answer(s) carried over, to be confirmed", plan.History[^1].What, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_says_for_each_question_whether_it_was_kept_changed_added_removed_or_is_still_to_confirm()
    {
        var baseline = Started()
            .WithAnswer(AnswerOf("risks", "None known"), Start)
            .WithAnswer(AnswerOf("end-users", "Store staff"), Start)
            .WithAnswer(AnswerOf("support", "Service desk"), Start)
            .WithAnswer(AnswerOf("done", "Smoke tests pass"), Start);
        var plan = Baseline.StartFrom(baseline, "plan-2", "2.5", NextOwner, Next)
            .Confirm("risks", NextOwner, "msteams", Next)
            .WithAnswer(AnswerOf("end-users", "Store staff and customers", NextOwner), Next)
            .WithoutAnswer("support", NextOwner, Next)
            .WithAnswer(AnswerOf("features", "Saved carts", NextOwner), Next);

        var changes = Baseline.Compare(baseline, plan);

        Assert.Equal(
            [
                new BaselineChange(PlanChecklist.Get("features"), ChangeKind.Added, null, "Saved carts"),
                new BaselineChange(PlanChecklist.Get("risks"), ChangeKind.Kept, "None known", "None known"),
                new BaselineChange(PlanChecklist.Get("end-users"), ChangeKind.Changed, "Store staff", "Store staff and customers"),
                new BaselineChange(PlanChecklist.Get("support"), ChangeKind.Removed, "Service desk", null),
                new BaselineChange(PlanChecklist.Get("done"), ChangeKind.NotYetConfirmed, "Smoke tests pass", "Smoke tests pass"),
            ],
            changes);
    }
}
