using PlanBot.Conversations.State;
using PlanBot.Conversations.Tests.Scripts;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Tests;

/// <summary>Commands about a plan as a whole: <c>quorum</c>, <c>pending</c>, <c>history</c> and <c>list</c>.</summary>
public sealed class PlanCommandScriptTests
{
    /// <summary>Plans one <c>list</c> page shows.</summary>
    private const int ListPage = 50;

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
            ["- Contoso.Web 2.4: a draft, 100% complete, owner Dana Owner", $"- Fabrikam.Shop 1.0: a draft, {100 / PlanChecklist.Count}% complete, owner Megan Bowen"],
            lines[2..].Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task List_of_a_tenant_without_plans_says_how_to_start_one()
    {
        var dana = world.Chat();

        await dana.Send("list");

        Assert.Equal("notice Info\nNo plans in this tenant yet. Start one with `plan <product> <version>`.", dana.LastReply);
    }

    [Fact]
    public async Task List_shows_a_page_at_a_time_newest_first_and_says_how_to_see_the_next()
    {
        // One more than a page, a day apart: plan 0 is the newest.
        for (var i = 0; i <= ListPage; i++)
        {
            world.Store.Seed(new PlanDocument { Plan = Plan.Start($"plan-{i}", BotWorld.Tenant, $"Product{i}", "1.0", TestPeople.Dana, world.Now.AddDays(-i)) });
        }

        var dana = world.Chat();

        await dana.Send("list");
        var first = dana.LastReply.Split('\n');
        Assert.Equal("Plans in this tenant:", first[1]);
        Assert.Equal(ListPage, first.Count(l => l.StartsWith("- ", StringComparison.Ordinal)));
        Assert.StartsWith("- Product0 1.0:", first[2], StringComparison.Ordinal);
        Assert.Equal("Older plans: `list 2`.", first[^1]);

        await dana.Send("list 2");
        Assert.Equal($"notice Info\nPlans in this tenant, page 2:\n- Product{ListPage} 1.0: a draft, 0% complete, owner Dana Owner", dana.LastReply);

        await dana.Send("list 3");
        Assert.Equal("notice Info\nThere is no page 3 of plans: type `list` for the newest.", dana.LastReply);
    }

    [Theory]
    [InlineData("list 0")]
    [InlineData("list -1")]
    [InlineData("list two")]
    [InlineData("list 99999")]
    public async Task List_with_a_page_that_is_not_a_number_from_1_to_9999_is_not_taken_for_the_command(string typed)
    {
        world.Store.Seed(new PlanDocument { Plan = Plan.Start("plan-1", BotWorld.Tenant, "Contoso.Web", "2.4", TestPeople.Dana, world.Now) });
        var dana = world.Chat();

        await dana.Send(typed);

        Assert.DoesNotContain("Plans in this tenant", dana.LastReply, StringComparison.Ordinal);
        dana.ExpectReplyContaining("I'm not working on a plan in this conversation yet.");
    }

    [Theory]
    [InlineData(499, false)]
    [InlineData(500, true)]
    public async Task Pending_looks_through_the_newest_500_plans_and_says_so_when_there_are_more(int plans, bool saysSo)
    {
        for (var i = 0; i < plans; i++)
        {
            world.Store.Seed(new PlanDocument { Plan = Plan.Start($"plan-{i}", BotWorld.Tenant, $"Product{i}", "1.0", TestPeople.Dana, world.Now.AddMinutes(-i)) });
        }

        var megan = world.Chat(TestPeople.Megan);

        await megan.Send("pending");

        megan.ExpectReplyContaining("No plan is waiting for your decision.");
        Assert.Equal(saysSo, megan.LastReply.Contains("I looked through the newest 500 plans of this tenant", StringComparison.Ordinal));
    }
}
