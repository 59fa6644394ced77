using PlanBot.Conversations.Delivery;
using PlanBot.Conversations.Tests.Scripts;

namespace PlanBot.Conversations.Tests;

/// <summary>The sweeper records sent replies as sent for sessions no later turn writes, a few seconds behind.</summary>
public sealed class OutboxSweeperTests
{
    private readonly BotWorld world = new();

    private int StoredOutbox(ChatScript chat) =>
        world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!.Sessions[chat.Conversation.Key].Outbox.Count;

    [Fact]
    public async Task Sent_replies_stay_in_the_stored_outbox_until_recorded()
    {
        var chat = world.Chat();
        await chat.Send("plan Contoso.Web 2.4");

        await chat.Send("Checkout v2");

        Assert.Equal(1, StoredOutbox(chat));
        Assert.Equal(1, world.Bot.Ledger.PendingCount);
    }

    [Fact]
    public async Task Sweep_records_sent_replies_after_its_delay_and_empties_the_stored_outbox()
    {
        var chat = world.Chat();
        await chat.Send("plan Contoso.Web 2.4");
        await chat.Send("Checkout v2");
        var sends = chat.Channel.Sent.Count;

        Assert.Equal(0, await world.Bot.Sweeper.SweepAsync(CancellationToken.None));
        Assert.Equal(1, StoredOutbox(chat));

        world.Clock.Advance(OutboxSweeper.Delay + TimeSpan.FromSeconds(1));
        world.Store.ResetCounters();
        var settled = await world.Bot.Sweeper.SweepAsync(CancellationToken.None);

        Assert.Equal(1, settled);
        Assert.Equal(0, StoredOutbox(chat));
        Assert.Equal(0, world.Bot.Ledger.PendingCount);
        Assert.Equal((1, 1), (world.Store.Reads, world.Store.Writes));
        Assert.Equal(sends, chat.Channel.Sent.Count);
    }

    [Fact]
    public async Task Sweep_after_a_later_turn_recorded_the_replies_has_nothing_to_do()
    {
        var chat = world.Chat();
        await chat.Send("plan Contoso.Web 2.4");
        await chat.Send("Checkout v2");
        await chat.Send("Saved carts");
        world.Clock.Advance(OutboxSweeper.Delay + TimeSpan.FromSeconds(1));
        await world.Bot.Sweeper.SweepAsync(CancellationToken.None);
        world.Store.ResetCounters();

        Assert.Equal(0, await world.Bot.Sweeper.SweepAsync(CancellationToken.None));
        Assert.Equal(0, world.Store.Writes);
    }

    [Fact]
    public async Task Swept_replies_are_not_sent_again_by_the_next_turn()
    {
        var chat = world.Chat();
        await chat.Send("plan Contoso.Web 2.4");
        world.Clock.Advance(OutboxSweeper.Delay + TimeSpan.FromSeconds(1));
        await world.Bot.Sweeper.SweepAsync(CancellationToken.None);

        await chat.Send("Checkout v2");

        Assert.Single(chat.Replies);
        chat.ExpectQuestion("valuable-features");
    }

    [Fact]
    public async Task Sweep_records_replies_of_a_conversation_without_a_plan()
    {
        var chat = world.Chat();
        await chat.Send("help");
        Assert.Single(world.Store.ConversationOf(chat.Conversation.Key)!.Session.Outbox);

        world.Clock.Advance(OutboxSweeper.Delay + TimeSpan.FromSeconds(1));
        var settled = await world.Bot.Sweeper.SweepAsync(CancellationToken.None);

        Assert.Equal(1, settled);
        Assert.Empty(world.Store.ConversationOf(chat.Conversation.Key)!.Session.Outbox);
    }
}
