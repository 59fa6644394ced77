using PlanBot.Domain.Checklist;
using PlanBot.Domain.Tests.Support;
using static PlanBot.Domain.Tests.Support.SamplePlans;

namespace PlanBot.Domain.Tests.Plans;

public sealed class CompletenessTests
{
    [Fact]
    public void Fresh_plan_is_nothing_complete_and_everything_missing()
    {
        var completeness = Started().Completeness();

        Assert.Equal(0, completeness.Percent);
        Assert.Equal(0, completeness.Answered);
        Assert.Equal(PlanChecklist.Count, completeness.Total);
        Assert.Equal(PlanChecklist.Questions, completeness.Missing);
        Assert.Empty(completeness.Unconfirmed);
        Assert.Empty(completeness.CompleteSections);
        Assert.False(completeness.IsComplete);
    }

    [Fact]
    public void Fully_answered_plan_is_complete_in_every_section()
    {
        var completeness = Complete(People.Alex).Completeness();

        Assert.Equal(100, completeness.Percent);
        Assert.Empty(completeness.Missing);
        Assert.Equal(Enum.GetValues<Section>(), completeness.CompleteSections);
        Assert.True(completeness.IsComplete);
    }

    [Fact]
    public void Section_is_complete_when_each_of_its_questions_is_answered()
    {
        var plan = Started()
            .WithAnswer(AnswerOf("risks", "None known"), Start)
            .WithAnswer(AnswerOf("done", "When the smoke tests pass"), Start);

        var completeness = plan.Completeness();

        Assert.Equal([Section.RisksAndIssues], completeness.CompleteSections);
        Assert.Equal(2, completeness.Answered);
        Assert.Equal(2 * 100 / PlanChecklist.Count, completeness.Percent);
        Assert.DoesNotContain(completeness.Missing, q => q.Id is "risks" or "done");
        Assert.Contains(completeness.Missing, q => q.Id == "success-evidence");
    }

    [Fact]
    public void Percent_rounds_down_until_the_last_answer()
    {
        var completeness = Complete(People.Alex).WithoutAnswer("done", People.Owner, Start).Completeness();

        Assert.Equal((PlanChecklist.Count - 1) * 100 / PlanChecklist.Count, completeness.Percent);
        Assert.True(completeness.Percent < 100);
    }

    [Fact]
    public void Unconfirmed_carried_over_answer_does_not_count_as_complete()
    {
        var plan = Complete(People.Alex).WithAnswer(AnswerOf("risks", "Old release's risks", carriedOver: true), Start);

        var completeness = plan.Completeness();

        Assert.Equal(PlanChecklist.Count - 1, completeness.Answered);
        Assert.True(completeness.Percent < 100);
        Assert.Empty(completeness.Missing);
        Assert.Equal("risks", Assert.Single(completeness.Unconfirmed).Id);
        Assert.DoesNotContain(Section.RisksAndIssues, completeness.CompleteSections);
        Assert.False(completeness.IsComplete);
    }

    [Fact]
    public void Confirming_a_carried_over_answer_completes_it()
    {
        var plan = Complete(People.Alex)
            .WithAnswer(AnswerOf("risks", "Old release's risks", carriedOver: true), Start)
            .WithAnswer(AnswerOf("risks", "Old release's risks"), Start);

        Assert.True(plan.Completeness().IsComplete);
    }
}
