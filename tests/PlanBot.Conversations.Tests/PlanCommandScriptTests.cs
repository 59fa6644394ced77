using PlanBot.Conversations.Tests.Scripts;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Tests;

/// <summary>Commands about a plan as a whole: <c>quorum</c>, <c>pending</c>, <c>history</c> and <c>list</c>.</summary>
public sealed class PlanCommandScriptTests
{
    private readonly BotWorld world = new();

    [Fact]
    public async Task Quorum_alone_says_the_current_quorum_and_how_to_change_it()
    {
        var dana = await world.CompletePlan("Contoso.Web", "2.4");

        await dana.Send("quorum");

        Assert.Equal("notice Info\nThe quorum is any. Type `quorum any` (one approver is enough) or `quorum all` (every approver must approve).", dana.LastReply);
    }

    [Fact]
    public async Task Owner_sets_the_quorum_to_all_and_back_to_any()
    {
        var dana = await world.CompletePlan("Contoso.Web", "2.4");

        await dana.Send("quorum all");
        Assert.Equal("notice Success\nEvery approver must now approve.", dana.LastReply);
        Assert.Equal(Quorum.All, world.PlanOf("Contoso.Web", "2.4").Quorum);

        await dana.Send("QUORUM Any");
        Assert.Equal("notice Success\nOne approver's approval is now enough.", dana.LastReply);
        Assert.Equal(Quorum.Any, world.PlanOf("Contoso.Web", "2.4").Quorum);
    }

    [Fact]
    public async Task Quorum_set_by_someone_other_than_the_owner_is_refused()
    {
        await world.CompletePlan("Contoso.Web", "2.4");
        var megan = await world.OpenPlan(TestPeople.Megan, "Contoso.Web 2.4");

        await megan.Send("quorum all");

        megan.ExpectReplyContaining("Only the plan's owner, Dana Owner, may set the quorum.");
        Assert.Equal(Quorum.Any, world.PlanOf("Contoso.Web", "2.4").Quorum);
    }

    [Fact]
    public async Task Pending_lists_the_plans_an_approver_has_yet_to_decide_on()
    {
        await world.SubmitPlan("Contoso.Web", "2.4", everyApprover: true);
        await world.Chat().Send("plan Fabrikam.Shop 1.0");
        var megan = world.Chat(TestPeople.Megan);

        await megan.Send("pending");

        var revision = world.PlanOf("Contoso.Web", "2.4").Revision;
        Assert.Equal(
            $"notice Info\nWaiting for your decision:\n- Contoso.Web 2.4 (revision {revision}, owner Dana Owner): `plan Contoso.Web 2.4`, then `approve` or `reject <reason>`",
            megan.LastReply);

        await megan.Send("plan Contoso.Web 2.4");
        await megan.Send("approve");
        await megan.Send("pending");

        Assert.Equal("notice Info\nNo plan is waiting for your decision.", megan.LastReply);
    }

    [Fact]
    public async Task Pending_is_empty_for_someone_who_approves_nothing()
    {
        var dana = await world.SubmitPlan("Contoso.Web", "2.4");

        await dana.Send("pending");

        Assert.Equal("notice Info\nNo plan is waiting for your decision.", dana.LastReply);
    }

    [Fact]
    public async Task History_lists_every_change_and_decision_with_who_when_and_the_revision()
    {
        var dana = await world.SubmitPlan("Contoso.Web", "2.4");
        var megan = await world.OpenPlan(TestPeople.Megan, "Contoso.Web 2.4");
        await megan.Send("approve");

        await dana.Send("history");

        var plan = world.PlanOf("Contoso.Web", "2.4");
        var lines = dana.LastReply.Split('\n');
        Assert.Equal(["notice Info", "History of the plan for Contoso.Web 2.4:"], lines[..2]);
        Assert.Equal(plan.History.Count, lines.Length - 2);
        var at = $"{world.Now:yyyy-MM-dd HH:mm} UTC";
        Assert.Equal($"- {at}, Dana Owner: Started the plan for Contoso.Web 2.4 (revision 0)", lines[2]);
        Assert.Equal($"- {at}, Dana Owner: Submitted the plan for approval (revision {plan.Revision})", lines[^2]);
        Assert.Equal($"- {at}, Megan Bowen: Approved revision {plan.Revision} (revision {plan.Revision})", lines[^1]);
    }

    [Fact]
    public async Task List_shows_each_plan_of_the_tenant_with_its_state_completeness_and_owner()
    {
        await world.CompletePlan("Contoso.Web", "2.4");
        var megan = world.Chat(TestPeople.Megan);
        await megan.Send("plan Fabrikam.Shop 1.0");
        await megan.Send("Saved carts");

        await megan.Send("list");

        var lines = megan.LastReply.Split('\n');
        Assert.Equal(["notice Info", "Plans in this tenant:"], lines[..2]);
        Assert.Equal(
            ["- Contoso.Web 2.4: a draft, 100% complete, owner Dana Owner", "- Fabrikam.Shop 1.0: a draft, 4% complete, owner Megan Bowen"],
            lines[2..].Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task List_of_a_tenant_without_plans_says_how_to_start_one()
    {
        var dana = world.Chat();

        await dana.Send("list");

        Assert.Equal("notice Info\nNo plans in this tenant yet. Start one with `plan <product> <version>`.", dana.LastReply);
    }
}
