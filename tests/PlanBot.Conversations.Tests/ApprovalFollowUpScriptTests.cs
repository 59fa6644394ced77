using PlanBot.Conversations.State;
using PlanBot.Conversations.Tests.Scripts;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Tests;

/// <summary>
/// What follows a decision or a change in review: which plan a card acts on, when approvers are
/// called back, whose decisions <c>pending</c> counts, and the question card's own buttons.
/// </summary>
public sealed class ApprovalFollowUpScriptTests
{
    private readonly BotWorld world = new();

    private ChannelPost Request => world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!.Posts["approval"];

    [Fact]
    public async Task Card_decides_on_the_plan_it_shows_whichever_plan_the_chat_is_on()
    {
        await world.SubmitPlan("Contoso.Web", "2.4");
        await world.SubmitPlan("Fabrikam.Shop", "1.0");
        var fabrikam = world.PlanOf("Fabrikam.Shop", "1.0");
        var megan = await world.OpenPlan(TestPeople.Megan, "Contoso.Web 2.4");

        await world.Press(megan, "approve", ("planId", fabrikam.Id), ("revision", $"{fabrikam.Revision}"));

        Assert.Equal(PlanState.Approved, world.PlanOf("Fabrikam.Shop", "1.0").State);
        Assert.Empty(world.PlanOf("Contoso.Web", "2.4").Decisions);
    }

    [Fact]
    public async Task Changing_the_quorum_in_review_updates_the_request_without_calling_the_approvers_back()
    {
        var dana = await world.SubmitPlan("Contoso.Web", "2.4", everyApprover: true);
        var megan = await world.OpenPlan(TestPeople.Megan, "Contoso.Web 2.4");
        await megan.Send("approve");
        await megan.Send("reject On second thought, the window is too short");

        await dana.Send("quorum any");

        var updated = Assert.Single(dana.Replies, r => r.To == Request.Thread && r.Reply.Mode == DeliveryMode.Update);
        Assert.Equal(Request.ActivityId, updated.Reply.UpdateActivityId);
        Assert.DoesNotContain(dana.Replies, r => r.To == Request.Thread && r.Reply.Mode == DeliveryMode.Reply);
    }

    [Fact]
    public async Task Pending_still_lists_a_plan_another_approver_has_decided_on()
    {
        await world.SubmitPlan("Contoso.Web", "2.4", everyApprover: true);
        var alex = await world.OpenPlan(TestPeople.Alex, "Contoso.Web 2.4");
        await alex.Send("approve");
        var megan = world.Chat(TestPeople.Megan);

        await megan.Send("pending");

        megan.ExpectReplyContaining("Waiting for your decision:\n- Contoso.Web 2.4 (revision");
    }

    [Fact]
    public async Task Answer_on_a_question_card_is_read_with_its_detail_and_the_next_question_follows()
    {
        var dana = await AtTraining();

        var press = await world.Press(dana, "answer", ("answer", " yes "), ("detail", " a one-hour session "));

        Assert.Equal("Yes: a one-hour session", world.PlanOf("Contoso.Web", "2.4").AnswerTo("training")!.Value.Text);
        Assert.StartsWith("question user-locations (", press.Replies[^1].Heading, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_on_a_question_card_with_a_blank_detail_is_read_alone()
    {
        var dana = await AtTraining();

        await world.Press(dana, "answer", ("answer", "no"), ("detail", "  "));

        Assert.Equal("No", world.PlanOf("Contoso.Web", "2.4").AnswerTo("training")!.Value.Text);
    }

    [Fact]
    public async Task Skip_on_a_question_card_leaves_the_question_open_and_asks_the_next()
    {
        var dana = await AtTraining();

        var press = await world.Press(dana, "skip");

        Assert.Null(world.PlanOf("Contoso.Web", "2.4").AnswerTo("training"));
        Assert.StartsWith("question user-locations (", press.Replies[^1].Heading, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("answer")]
    [InlineData("skip")]
    public async Task Question_card_buttons_in_a_chat_without_a_plan_are_not_acted_on(string verb)
    {
        var megan = world.Chat(TestPeople.Megan);

        var press = await world.Press(megan, verb, ("answer", "yes"));

        Assert.StartsWith("help\nintro: I'm not working on a plan in this conversation yet.", Assert.Single(press.Replies).Text, StringComparison.Ordinal);
    }

    private async Task<ChatScript> AtTraining()
    {
        var dana = world.Chat();
        await dana.Send("plan Contoso.Web 2.4");
        await dana.AnswerUpTo("training", world.Now);
        return dana;
    }
}
