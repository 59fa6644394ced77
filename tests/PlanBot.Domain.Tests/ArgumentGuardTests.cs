using PlanBot.Domain.Answers;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;
using PlanBot.Domain.Reuse;
using PlanBot.Domain.Tests.Support;
using static PlanBot.Domain.Tests.Support.SamplePlans;

namespace PlanBot.Domain.Tests;

/// <summary>
/// Every public entry point of the domain refuses a missing argument up front, naming it, before it
/// looks at anything else: a null never reaches a rule check or ends up stored in a plan.
/// </summary>
public sealed class ArgumentGuardTests
{
    private static readonly Plan Carried = Started().WithAnswer(AnswerOf("stakeholders", "Retail division", carriedOver: true), Start);

    public static TheoryData<string, string, Action> MissingArguments => new()
    {
        { "Plan.Start", "owner", () => Plan.Start("plan-1", "tenant-1", "Contoso.Web", "2.4", null!, Start) },
        { "Plan.WithAnswer", "answer", () => Started().WithAnswer(null!, Start) },
        { "Plan.Confirm", "by", () => Carried.Confirm("stakeholders", null!, "msteams", Start) },
        { "Plan.WithoutAnswer", "by", () => Started().WithoutAnswer("risks", null!, Start) },
        { "Plan.Submit", "by", () => Complete(People.Alex).Submit(null!, Start) },
        { "Plan.Decide", "approver", () => InReview(People.Alex).Decide(null!, Verdict.Approve, null, Start) },
        { "Plan.Assign assignee", "assignee", () => Started().Assign(Section.RisksAndIssues, null!, People.Owner, Start) },
        { "Plan.Assign by", "by", () => Started().Assign(Section.RisksAndIssues, People.Megan, null!, Start) },
        { "Plan.WithQuorum", "by", () => Started().WithQuorum(Quorum.All, null!, Start) },
        { "Plan.Cancel", "by", () => Started().Cancel(null!, Start) },
        { "Plan.Reopen", "by", () => Started().Reopen(null!, Start) },
        { "PersonRef.SameAs", "other", () => People.Alex.SameAs(null!) },
        { "AnswerReader.Read question", "question", () => AnswerReader.Read(null!, "text", Zones.Utc(Start)) },
        { "AnswerReader.Read context", "context", () => AnswerReader.Read(Questions.FreeText, "text", null!) },
        { "DateReader.ToUtc", "zone", () => DateReader.ToUtc(new DateOnly(2030, 1, 1), TimeOnly.MinValue, null!) },
        { "ScheduleCheck.Warnings", "plan", () => ScheduleCheck.Warnings(null!, Start) },
        { "Baseline.StartFrom", "baseline", () => Baseline.StartFrom(null!, "plan-2", "2.5", People.Owner, Start) },
        { "Baseline.CopyInto plan", "plan", () => Baseline.CopyInto(null!, Started(), Start) },
        { "Baseline.CopyInto baseline", "baseline", () => Baseline.CopyInto(Started(), null!, Start) },
        { "Baseline.Compare baseline", "baseline", () => Baseline.Compare(null!, Started()) },
        { "Baseline.Compare plan", "plan", () => Baseline.Compare(Started(), null!) },
        { "SimilarPlans.Rank", "plan", () => SimilarPlans.Rank(null!, []) },
        { "StaleContent.Find answer", "answer", () => StaleContent.Find(null!, Started(), "2.3", Start) },
        { "StaleContent.Find plan", "plan", () => StaleContent.Find(AnswerOf("why", "text"), null!, "2.3", Start) },
    };

    [Theory]
    [MemberData(nameof(MissingArguments))]
    public void Missing_argument_is_refused_by_name(string entryPoint, string parameter, Action call)
    {
        var refused = Assert.Throws<ArgumentNullException>(call);

        Assert.True(refused.ParamName == parameter, $"{entryPoint} named \"{refused.ParamName}\", not \"{parameter}\".");
    }

    [Theory]
    [InlineData(null, "tenant-1", "Contoso.Web", "2.4")]
    [InlineData(" ", "tenant-1", "Contoso.Web", "2.4")]
    [InlineData("plan-1", null, "Contoso.Web", "2.4")]
    [InlineData("plan-1", "", "Contoso.Web", "2.4")]
    [InlineData("plan-1", "tenant-1", null, "2.4")]
    [InlineData("plan-1", "tenant-1", "Contoso.Web", null)]
    public void Plan_needs_an_id_a_tenant_a_product_and_a_version(string? id, string? tenant, string? product, string? version)
    {
        Assert.ThrowsAny<ArgumentException>(() => Plan.Start(id!, tenant!, product!, version!, People.Owner, Start));
    }
}
