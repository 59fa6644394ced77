using PlanBot.Conversations.State;
using PlanBot.Conversations.Tests.Scripts;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Tests;

/// <summary>
/// The approval card's buttons: authority and the revision are checked against the plan as stored
/// at the click, so a card shown before an edit cannot approve what it did not show.
/// </summary>
public sealed class ApprovalCardScriptTests
{
    private readonly BotWorld world = new();

    private Plan Stored => world.PlanOf("Contoso.Web", "2.4");

    private ChannelPost Request => world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!.Posts["approval"];

    [Fact]
    public async Task Approve_on_the_card_records_the_approval_answers_with_the_decided_card_and_tells_the_thread()
    {
        await world.SubmitPlan("Contoso.Web", "2.4");
        var megan = world.Chat(TestPeople.Megan);

        var press = await world.Press(megan, "approve", ("planId", Stored.Id), ("revision", $"{Stored.Revision}"));

        var revision = Stored.Revision;
        Assert.Equal(PlanState.Approved, Stored.State);
        Assert.StartsWith($"approval Contoso.Web 2.4 revision {revision}, approved, for an approver", press.Card, StringComparison.Ordinal);
        Assert.DoesNotContain(press.Replies, r => r.To == megan.Conversation);
        var told = Assert.Single(press.Replies, r => r.Reply.Mode == DeliveryMode.Reply);
        Assert.Equal(Request.Thread, told.To);
        Assert.Equal($"notice Success\nMegan Bowen approved revision {revision}. The plan for Contoso.Web 2.4 is approved: ready for production.", told.Text);
    }

    [Fact]
    public async Task Pressing_approve_in_the_request_thread_itself_still_tells_the_thread()
    {
        await world.SubmitPlan("Contoso.Web", "2.4");
        var inThread = new ChatScript(world, world.Bot, TestPeople.Megan, Request.Thread);

        var press = await world.Press(inThread, "approve", ("planId", Stored.Id), ("revision", $"{Stored.Revision}"));

        Assert.Contains(press.Replies, r => r.To == Request.Thread && r.Reply.Mode == DeliveryMode.Reply && r.Text.Contains("Megan Bowen approved revision", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Card_shown_before_an_edit_cannot_approve_the_edited_plan()
    {
        var dana = await world.SubmitPlan("Contoso.Web", "2.4");
        var shown = Stored.Revision;
        await dana.Send("edit 3");
        await dana.Send("Payment provider freeze over the weekend");
        var megan = world.Chat(TestPeople.Megan);

        var press = await world.Press(megan, "approve", ("planId", Stored.Id), ("revision", $"{shown}"));

        Assert.Equal(
            $"notice Problem\nThe plan changed since this was shown to you (revision {shown} then, {Stored.Revision} now). Review the current plan and decide again.",
            Assert.Single(press.Replies).Text);
        Assert.StartsWith($"approval Contoso.Web 2.4 revision {Stored.Revision}, in review, for an approver", press.Card, StringComparison.Ordinal);
        Assert.Empty(Stored.Decisions);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-number")]
    public async Task Card_without_a_readable_revision_approves_nothing(string revision)
    {
        await world.SubmitPlan("Contoso.Web", "2.4");
        var megan = world.Chat(TestPeople.Megan);

        var press = await world.Press(megan, "approve", ("planId", Stored.Id), ("revision", revision));

        Assert.Contains("The plan changed since this was shown to you (revision -1 then", press.Text, StringComparison.Ordinal);
        Assert.Empty(Stored.Decisions);
    }

    [Fact]
    public async Task Reject_on_the_card_without_a_reason_asks_for_one_in_the_reason_box()
    {
        await world.SubmitPlan("Contoso.Web", "2.4");
        var megan = world.Chat(TestPeople.Megan);

        var press = await world.Press(megan, "reject", ("planId", Stored.Id), ("revision", $"{Stored.Revision}"), ("reason", "  "));

        Assert.Equal("notice Problem\nA rejection needs a reason: type it in the reason box, then Reject.", Assert.Single(press.Replies).Text);
        Assert.Empty(Stored.Decisions);
    }

    [Fact]
    public async Task Reject_on_the_card_with_a_reason_rejects_the_plan()
    {
        await world.SubmitPlan("Contoso.Web", "2.4");
        var megan = world.Chat(TestPeople.Megan);

        var press = await world.Press(megan, "reject", ("planId", Stored.Id), ("revision", $"{Stored.Revision}"), ("reason", "No backout plan"));

        Assert.Equal(PlanState.Rejected, Stored.State);
        Assert.Equal("No backout plan", Assert.Single(Stored.Decisions).Reason);
        Assert.Contains(press.Replies, r => r.To == Request.Thread && r.Text.StartsWith("notice Warning\nMegan Bowen rejected revision", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Approving_twice_on_the_card_answers_with_the_card_and_says_nothing_in_the_chat()
    {
        await world.SubmitPlan("Contoso.Web", "2.4");
        var megan = world.Chat(TestPeople.Megan);
        await world.Press(megan, "approve", ("planId", Stored.Id), ("revision", $"{Stored.Revision}"));

        var again = await world.Press(megan, "approve", ("planId", Stored.Id), ("revision", $"{Stored.Revision}"));

        Assert.Empty(again.Replies);
        Assert.StartsWith($"approval Contoso.Web 2.4 revision {Stored.Revision}, approved, for an approver\n", again.Card, StringComparison.Ordinal);
        Assert.Single(Stored.Decisions);
    }

    [Fact]
    public async Task Card_of_a_plan_that_does_not_exist_here_says_so()
    {
        await world.SubmitPlan("Contoso.Web", "2.4");
        var megan = world.Chat(TestPeople.Megan);

        var press = await world.Press(megan, "approve", ("planId", "no-such-plan"), ("revision", "1"));

        Assert.Equal("notice Problem\nThat plan does not exist here any more.", Assert.Single(press.Replies).Text);
        Assert.Equal("notice Problem\nThat plan does not exist here any more.", press.Card);
    }

    [Fact]
    public async Task Card_of_another_tenants_plan_finds_nothing()
    {
        await world.SubmitPlan("Contoso.Web", "2.4");
        var elsewhere = world.Chat(TestPeople.Megan, tenant: "msteams:tenant-fabrikam");

        var press = await world.Press(elsewhere, "approve", ("planId", Stored.Id), ("revision", $"{Stored.Revision}"));

        Assert.Contains("That plan does not exist here any more.", press.Text, StringComparison.Ordinal);
        Assert.Empty(Stored.Decisions);
    }

    [Fact]
    public async Task Unknown_button_is_answered_with_what_to_do_instead()
    {
        var megan = world.Chat(TestPeople.Megan);

        var press = await world.Press(megan, "launch-rockets");

        const string said = "notice Problem\nThat button is not something I can act on here. Type `help` to see what I can do.";
        Assert.Equal(said, Assert.Single(press.Replies).Text);
        Assert.Equal(said, press.Card);
    }

    [Fact]
    public async Task Refreshing_the_card_gives_approvers_the_buttons_and_everyone_else_the_record()
    {
        await world.SubmitPlan("Contoso.Web", "2.4");
        var megan = world.Chat(TestPeople.Megan);
        var lee = world.Chat(TestPeople.Person("Lee Gu"));

        var forMegan = await world.Press(megan, "refreshView", ("planId", Stored.Id));
        var forLee = await world.Press(lee, "refreshView", ("planId", Stored.Id));

        Assert.StartsWith($"approval Contoso.Web 2.4 revision {Stored.Revision}, in review, for an approver\n", forMegan.Card, StringComparison.Ordinal);
        Assert.StartsWith($"approval Contoso.Web 2.4 revision {Stored.Revision}, in review\n", forLee.Card, StringComparison.Ordinal);
        Assert.Empty(forMegan.Replies);
    }

    [Fact]
    public async Task Approvers_card_of_a_rejected_plan_has_no_buttons()
    {
        await world.SubmitPlan("Contoso.Web", "2.4");
        var megan = world.Chat(TestPeople.Megan);
        await world.Press(megan, "reject", ("planId", Stored.Id), ("revision", $"{Stored.Revision}"), ("reason", "No backout plan"));

        var refreshed = await world.Press(megan, "refreshView", ("planId", Stored.Id));

        Assert.StartsWith($"approval Contoso.Web 2.4 revision {Stored.Revision}, rejected\n", refreshed.Card, StringComparison.Ordinal);
    }
}
