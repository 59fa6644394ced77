using PlanBot.Domain.Answers;
using PlanBot.Domain.Plans;
using PlanBot.Domain.Reuse;
using PlanBot.Domain.Tests.Support;

namespace PlanBot.Domain.Tests.Reuse;

/// <summary>What in a carried-over answer still belongs to the old release: its version string and past dates.</summary>
public sealed class StaleContentTests
{
    private static readonly Plan Next = Plan.Start("plan-2", "msteams:tenant-1", "Contoso.Web", "2.5", People.Owner, SamplePlans.Start);

    [Theory]
    [InlineData("Contoso.Web 2.4 delivers saved carts")]
    [InlineData("Saved carts; v2.4 delivers them")]
    [InlineData("Saved carts (V2.4).")]
    [InlineData("Release 2.4.")]
    [InlineData("2.4")]
    public void An_answer_naming_the_previous_version_is_flagged(string text)
    {
        var findings = StaleContent.Find(Carried(text), Next, "2.4", SamplePlans.Start);

        Assert.Equal(["mentions 2.4, the previous release"], findings);
    }

    [Theory]
    [InlineData("Contoso.Web 2.45 is the hotfix line")]
    [InlineData("Contoso.Web 2.4.1 is the hotfix")]
    [InlineData("Upgrade from 12.4 of the runtime")]
    [InlineData("rev2.4 of the schema")]
    [InlineData("TLS 1.2 only")]
    public void Other_numbers_that_contain_the_version_are_not_flagged(string text) =>
        Assert.Empty(StaleContent.Find(Carried(text), Next, "2.4", SamplePlans.Start));

    [Fact]
    public void The_new_version_itself_is_never_flagged_even_when_the_baseline_had_the_same_string() =>
        Assert.Empty(StaleContent.Find(Carried("Contoso.Web 2.5"), Next, "2.5", SamplePlans.Start));

    [Fact]
    public void A_date_written_in_the_text_that_is_already_past_is_flagged_and_a_future_one_is_not()
    {
        var now = new DateTimeOffset(2026, 6, 10, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal(["mentions 2026-06-01, which is past"], StaleContent.Find(Carried("Rehearsal on 2026-06-01"), Next, null, now));
        Assert.Equal(["mentions 3 June 2026, which is past"], StaleContent.Find(Carried("Rehearsal on 3 June 2026"), Next, null, now));
        Assert.Empty(StaleContent.Find(Carried("Rehearsal on 2026-06-20"), Next, null, now));
    }

    [Theory]
    [InlineData("1 June 2026", "mentions 1 June 2026, which is past")]
    [InlineData("the Monday after the freeze", "its date 2026-06-01 is past")]
    public void A_date_answer_in_the_past_is_flagged_once(string text, string finding)
    {
        var now = new DateTimeOffset(2026, 6, 10, 9, 0, 0, TimeSpan.Zero);
        var answer = new Answer("deployed-by", new AnswerValue { Text = text, DateUtc = now.AddDays(-9) }, new Provenance(People.Owner, now, "msteams", CarriedOver: true));

        Assert.Equal([finding], StaleContent.Find(answer, Next, null, now));
    }

    private static Answer Carried(string text) => SamplePlans.AnswerOf("why", text, carriedOver: true);
}
