using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;

namespace PlanBot.Domain.Tests.Checklist;

public sealed class PlanChecklistTests
{
    /// <summary>The check items and follow-ups of the OpenUP checklist, with the sections each feeds (DOMAIN.md).</summary>
    public static TheoryData<string, Section[]> CheckItems => new()
    {
        { "Who are the end users of the released features?", [Section.ImpactedOrganisation] },
        { "Do they need special training?", [Section.ImpactedOrganisation] },
        { "What features must be deployed?", [Section.ScopeAndOverview] },
        { "Which features make the release valuable to users?", [Section.ScopeAndOverview] },
        { "Which components are in the release package?", [Section.ScopeAndOverview] },
        { "When must the features be available?", [Section.TimingAndDependencies] },
        { "When must deployment be completed and tested?", [Section.TimingAndDependencies] },
        { "Where are the end users?", [Section.ImpactedOrganisation, Section.TimingAndDependencies] },
        { "distributed or in one place", [Section.ImpactedOrganisation, Section.TimingAndDependencies] },
        { "infrastructure configurations the same or different", [Section.ImpactedOrganisation, Section.TimingAndDependencies] },
        { "Why is the release taking place?", [Section.ScopeAndOverview] },
        { "To resolve an issue, or to provide requested new functionality?", [Section.ScopeAndOverview] },
        { "Who will support the release once it is deployed?", [Section.TransitionApproach] },
        { "Do support staff have the information and training they need?", [Section.TransitionApproach] },
        { "When is the release \"done\"?", [Section.SuccessCriteria] },
        { "How will the team know the release succeeded and the deployment is finished?", [Section.SuccessCriteria] },
    };

    [Theory]
    [MemberData(nameof(CheckItems))]
    public void Every_check_item_is_asked_and_feeds_its_sections(string item, Section[] sections)
    {
        var question = Assert.Single(PlanChecklist.Questions, q => q.Text.Contains(item, StringComparison.Ordinal));

        Assert.Equal(sections.Order(), question.Sections.Order());
    }

    [Fact]
    public void Every_section_has_at_least_one_question()
    {
        Assert.All(Enum.GetValues<Section>(), section => Assert.NotEmpty(PlanChecklist.In(section)));
    }

    [Fact]
    public void Question_ids_are_unique()
    {
        var ids = PlanChecklist.Questions.Select(q => q.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(ids.Count, PlanChecklist.Count);
    }

    [Fact]
    public void Questions_run_section_by_section_in_document_order()
    {
        var sections = PlanChecklist.Questions.Select(q => (int)q.Section).ToList();

        Assert.Equal(sections.Order(), sections);
    }

    [Fact]
    public void Follow_up_comes_after_the_item_it_follows_up()
    {
        Assert.All(
            PlanChecklist.Questions.Where(q => q.FollowUpOf is not null),
            q => Assert.InRange(PlanChecklist.IndexOf(q.FollowUpOf!), 0, PlanChecklist.IndexOf(q.Id) - 1));
    }

    [Fact]
    public void Approvers_are_asked_for_as_people_in_section_five()
    {
        var question = PlanChecklist.Get(Plan.ApproversQuestion);

        Assert.Equal(AnswerKind.People, question.Kind);
        Assert.Equal(Section.Approvers, question.Section);
    }

    [Fact]
    public void Delivery_team_is_asked_for_as_people_with_contact_details()
    {
        var inSection = PlanChecklist.In(Section.DeliveryTeam).ToList();

        Assert.Contains(inSection, q => q.Kind == AnswerKind.People);
        Assert.Contains(inSection, q => q.Text.Contains("reached", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("features")]
    [InlineData("valuable-features")]
    [InlineData("available-by")]
    [InlineData("deployed-by")]
    [InlineData("deployment-window")]
    public void Release_specific_answers_are_not_carried_over(string questionId)
    {
        Assert.Equal(CarryOverRule.Clear, PlanChecklist.Get(questionId).CarryOver);
    }

    [Fact]
    public void Every_dated_question_is_release_specific()
    {
        Assert.All(
            PlanChecklist.Questions.Where(q => q.Kind is AnswerKind.Date or AnswerKind.DateTimeWindow),
            q => Assert.Equal(CarryOverRule.Clear, q.CarryOver));
    }

    [Fact]
    public void Find_Get_and_IndexOf_agree()
    {
        for (var i = 0; i < PlanChecklist.Count; i++)
        {
            var question = PlanChecklist.Questions[i];
            Assert.Same(question, PlanChecklist.Find(question.Id));
            Assert.Same(question, PlanChecklist.Get(question.Id));
            Assert.Equal(i, PlanChecklist.IndexOf(question.Id));
        }

        Assert.Null(PlanChecklist.Find("no-such-question"));
        Assert.Equal(-1, PlanChecklist.IndexOf("no-such-question"));
        Assert.Throws<ArgumentOutOfRangeException>(() => PlanChecklist.Get("no-such-question"));
    }
}
