using PlanBot.Domain.Checklist;

namespace PlanBot.Domain.Tests.Checklist;

public sealed class SectionInfoTests
{
    [Fact]
    public void There_are_the_eight_sections_of_the_artifact_then_the_backout_plan_in_order()
    {
        Assert.Equal(
            ["Scope and overview", "Timing and dependencies", "Risks and issues", "Impacted organisation", "Approvers", "Delivery team", "Transition approach", "Success criteria", "Backout plan"],
            SectionInfo.All.Select(s => s.Title));
        Assert.Equal(Enumerable.Range(1, 9), SectionInfo.All.Select(s => s.Number));
        Assert.All(Enum.GetValues<Section>(), s => Assert.Equal(s, SectionInfo.Of(s).Section));
    }

    [Theory]
    [InlineData("1", Section.ScopeAndOverview)]
    [InlineData("3", Section.RisksAndIssues)]
    [InlineData(" 5 ", Section.Approvers)]
    [InlineData("8.", Section.SuccessCriteria)]
    public void Find_by_number(string text, Section expected)
    {
        Assert.Equal(expected, SectionInfo.Find(text)?.Section);
    }

    [Theory]
    [InlineData("Risks and issues", Section.RisksAndIssues)]
    [InlineData("timing AND dependencies", Section.TimingAndDependencies)]
    [InlineData("Delivery team", Section.DeliveryTeam)]
    public void Find_by_title_in_any_case(string text, Section expected)
    {
        Assert.Equal(expected, SectionInfo.Find(text)?.Section);
    }

    [Theory]
    [InlineData("risks", Section.RisksAndIssues)]
    [InlineData("Risk", Section.RisksAndIssues)]
    [InlineData("schedule", Section.TimingAndDependencies)]
    [InlineData("users", Section.ImpactedOrganisation)]
    [InlineData("organization", Section.ImpactedOrganisation)]
    [InlineData("approval", Section.Approvers)]
    [InlineData("developers", Section.DeliveryTeam)]
    [InlineData("handover", Section.TransitionApproach)]
    [InlineData("done", Section.SuccessCriteria)]
    public void Find_by_alias(string text, Section expected)
    {
        Assert.Equal(expected, SectionInfo.Find(text)?.Section);
    }

    [Theory]
    [InlineData("Transition app", Section.TransitionApproach)]
    [InlineData("Success crit", Section.SuccessCriteria)]
    public void Find_by_the_start_of_a_title(string text, Section expected)
    {
        Assert.Equal(expected, SectionInfo.Find(text)?.Section);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("0")]
    [InlineData("10")]
    [InlineData("-1")]
    [InlineData("3.5")]
    [InlineData("bananas")]
    [InlineData("risky business")]
    public void Find_of_anything_else_is_nothing(string text)
    {
        Assert.Null(SectionInfo.Find(text));
    }
}
