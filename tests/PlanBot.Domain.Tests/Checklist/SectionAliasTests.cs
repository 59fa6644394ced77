using PlanBot.Domain.Checklist;

namespace PlanBot.Domain.Tests.Checklist;

/// <summary>Every word a user may type to name a section (<c>edit risks</c>, <c>assign team @alex</c>).</summary>
public sealed class SectionAliasTests
{
    [Theory]
    [InlineData("scope", Section.ScopeAndOverview)]
    [InlineData("overview", Section.ScopeAndOverview)]
    [InlineData("timing", Section.TimingAndDependencies)]
    [InlineData("dependencies", Section.TimingAndDependencies)]
    [InlineData("schedule", Section.TimingAndDependencies)]
    [InlineData("risks", Section.RisksAndIssues)]
    [InlineData("risk", Section.RisksAndIssues)]
    [InlineData("issues", Section.RisksAndIssues)]
    [InlineData("impacted", Section.ImpactedOrganisation)]
    [InlineData("organisation", Section.ImpactedOrganisation)]
    [InlineData("organization", Section.ImpactedOrganisation)]
    [InlineData("users", Section.ImpactedOrganisation)]
    [InlineData("stakeholders", Section.ImpactedOrganisation)]
    [InlineData("approvers", Section.Approvers)]
    [InlineData("approval", Section.Approvers)]
    [InlineData("delivery", Section.DeliveryTeam)]
    [InlineData("team", Section.DeliveryTeam)]
    [InlineData("developers", Section.DeliveryTeam)]
    [InlineData("transition", Section.TransitionApproach)]
    [InlineData("handover", Section.TransitionApproach)]
    [InlineData("escalation", Section.TransitionApproach)]
    [InlineData("support", Section.TransitionApproach)]
    [InlineData("success", Section.SuccessCriteria)]
    [InlineData("criteria", Section.SuccessCriteria)]
    [InlineData("done", Section.SuccessCriteria)]
    [InlineData("backout", Section.Backout)]
    [InlineData("rollback", Section.Backout)]
    [InlineData("roll back", Section.Backout)]
    [InlineData("back out", Section.Backout)]
    public void Each_alias_names_its_section(string alias, Section section)
    {
        Assert.Equal(section, SectionInfo.Find(alias)?.Section);
        Assert.Contains(alias, SectionInfo.Of(section).Aliases);
    }

    [Fact]
    public void Every_alias_is_listed_above()
    {
        Assert.Equal(29, SectionInfo.All.Sum(s => s.Aliases.Count));
    }
}
