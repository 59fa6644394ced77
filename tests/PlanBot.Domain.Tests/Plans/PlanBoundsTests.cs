using PlanBot.Domain.Plans;
using PlanBot.Domain.Tests.Support;
using static PlanBot.Domain.Tests.Support.SamplePlans;

namespace PlanBot.Domain.Tests.Plans;

/// <summary>A plan edited and decided on for years still fits one stored item: its history and old decisions are bounded.</summary>
public sealed class PlanBoundsTests
{
    [Fact]
    public void History_keeps_its_start_and_the_latest_events()
    {
        var plan = Started();
        for (var i = 0; i < Plan.MaxHistory + 50; i++)
        {
            plan = plan.WithAnswer(AnswerOf("risks", $"Risk {i}"), Start.AddMinutes(i));
        }

        Assert.Equal(Plan.MaxHistory, plan.History.Count);
        Assert.StartsWith("Started the plan", plan.History[0].What, StringComparison.Ordinal);
        Assert.Equal(Plan.OlderHistoryLeftOut, plan.History[1].What);
        Assert.Single(plan.History, e => e.What == Plan.OlderHistoryLeftOut);
        Assert.Equal(plan.Revision, plan.History[^1].Revision);
        Assert.Equal(Enumerable.Range(plan.Revision - (Plan.MaxHistory - 3), Plan.MaxHistory - 2), plan.History.Skip(2).Select(e => e.Revision));
    }

    [Fact]
    public void A_short_history_is_kept_whole()
    {
        var plan = Started().WithAnswer(AnswerOf("risks", "None known"), Start);

        Assert.Equal(2, plan.History.Count);
        Assert.DoesNotContain(plan.History, e => e.What == Plan.OlderHistoryLeftOut);
    }

    [Fact]
    public void Stale_decisions_are_bounded_and_live_ones_always_kept()
    {
        var plan = InReview(People.Alex, People.Megan).WithQuorum(Quorum.All, People.Owner, Start);
        for (var round = 0; round < Plan.MaxStaleDecisions + 20; round++)
        {
            plan = plan.Decide(People.Alex, Verdict.Approve, null, Start.AddMinutes(round));
            plan = plan.WithAnswer(AnswerOf("risks", $"Risk {round}"), Start.AddMinutes(round));
        }

        plan = plan.Decide(People.Megan, Verdict.Approve, null, Start.AddDays(1));

        Assert.Equal(Plan.MaxStaleDecisions, plan.Decisions.Count(d => d.Stale));
        var live = Assert.Single(plan.Decisions, d => !d.Stale);
        Assert.Equal(People.Megan, live.Approver);
        Assert.Equal(plan.Revision - Plan.MaxStaleDecisions, plan.Decisions.Where(d => d.Stale).Min(d => d.Revision));
    }
}
