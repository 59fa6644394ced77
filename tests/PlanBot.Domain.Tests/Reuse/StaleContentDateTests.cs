using PlanBot.Domain.Answers;
using PlanBot.Domain.Plans;
using PlanBot.Domain.Reuse;
using PlanBot.Domain.Tests.Support;

namespace PlanBot.Domain.Tests.Reuse;

/// <summary>A date in a carried-over answer is past from the day after it, not on the day itself.</summary>
public sealed class StaleContentDateTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 10, 23, 30, 0, TimeSpan.Zero);

    private static readonly Plan Next = Plan.Start("plan-2", "msteams:tenant-1", "Contoso.Web", "2.5", People.Owner, Now);

    private static Answer Carried(string text) => SamplePlans.AnswerOf("why", text, carriedOver: true);

    [Fact]
    public void Date_of_today_in_the_text_is_not_past()
    {
        Assert.Empty(StaleContent.Find(Carried("Rehearsal on 2026-06-10"), Next, null, Now));
    }

    [Fact]
    public void Date_of_yesterday_in_the_text_is_past()
    {
        Assert.Equal(["mentions 2026-06-09, which is past"], StaleContent.Find(Carried("Rehearsal on 2026-06-09"), Next, null, Now));
    }
}
