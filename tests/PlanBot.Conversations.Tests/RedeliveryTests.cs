using PlanBot.Conversations.Engine;
using PlanBot.Conversations.Tests.Scripts;

namespace PlanBot.Conversations.Tests;

/// <summary>Teams and Slack deliver an activity again when they think it was lost: the second delivery changes nothing and sends nothing.</summary>
public sealed class RedeliveryTests
{
    private readonly BotWorld world = new();

    private async Task<ChatScript> AnsweredFeatures()
    {
        var chat = world.Chat();
        await chat.Send("plan Contoso.Web 2.4");
        await chat.Send("Checkout v2");
        chat.ExpectQuestion("valuable-features");
        return chat;
    }

    [Fact]
    public async Task Redelivered_answer_sends_nothing_and_leaves_the_plan_as_it_was()
    {
        var chat = await AnsweredFeatures();
        var before = world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!;

        var outcome = await chat.Redeliver();

        Assert.Equal(TurnStatus.Redelivered, outcome.Status);
        chat.ExpectNoReply();
        var after = world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!;
        Assert.Equal(before.Plan.Revision, after.Plan.Revision);
        Assert.Equal(before.Plan.History.Count, after.Plan.History.Count);
        Assert.Equal("valuable-features", after.Sessions[chat.Conversation.Key].Cursor);
    }

    [Fact]
    public async Task Redelivered_answer_costs_one_read_and_no_write()
    {
        var chat = await AnsweredFeatures();
        world.Store.ResetCounters();

        await chat.Redeliver();

        Assert.Equal((1, 0), (world.Store.Reads, world.Store.Writes));
    }

    [Fact]
    public async Task Redelivery_after_the_sent_replies_were_recorded_writes_nothing()
    {
        var chat = await AnsweredFeatures();
        world.Clock.Advance(TimeSpan.FromSeconds(5));
        await chat.Bot.Sweeper.SweepAsync(CancellationToken.None);
        var stored = world.Store.Dump();
        world.Store.ResetCounters();

        await chat.Redeliver();

        chat.ExpectNoReply();
        Assert.Equal(0, world.Store.Writes);
        Assert.Equal(stored, world.Store.Dump());
    }

    [Fact]
    public async Task Redelivery_to_another_host_sends_nothing_and_changes_nothing()
    {
        var chat = await AnsweredFeatures();
        var stored = world.Store.Dump();

        var outcome = await chat.Via(world.NewHost()).Redeliver();

        Assert.Equal(TurnStatus.Redelivered, outcome.Status);
        Assert.Equal(stored, world.Store.Dump());
    }

    [Fact]
    public async Task Redelivered_command_that_started_a_plan_does_not_start_it_again()
    {
        var chat = world.Chat();
        await chat.Send("plan Contoso.Web 2.4");

        await chat.Redeliver();

        chat.ExpectNoReply();
        Assert.Equal(1, world.Store.PlanCount);
    }

    [Fact]
    public async Task Redelivery_of_a_turn_whose_replies_failed_sends_them_once()
    {
        var chat = world.Chat();
        await chat.Send("plan Contoso.Web 2.4");
        chat.Channel.FailSends = true;
        await chat.Send("Checkout v2");
        chat.Channel.FailSends = false;
        var revision = world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!.Plan.Revision;

        await chat.Redeliver();
        chat.ExpectQuestion("valuable-features");
        Assert.Single(chat.Replies);

        await chat.Redeliver();
        chat.ExpectNoReply();
        Assert.Equal(revision, world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!.Plan.Revision);
    }
}
