using PlanBot.Conversations.Engine;
using PlanBot.Conversations.Tests.Scripts;

namespace PlanBot.Conversations.Tests;

/// <summary>When the store does not answer, the user is told plainly that nothing was saved, and nothing is.</summary>
public sealed class StoreOutageTests
{
    private const string NotSaved = "Nothing of your last message was saved; please send it again in a minute.";

    private readonly BotWorld world = new();

    private async Task<ChatScript> Interviewing()
    {
        var chat = world.Chat();
        await chat.Send("plan Contoso.Web 2.4");
        return chat;
    }

    [Fact]
    public async Task Store_down_the_user_is_told_nothing_was_saved_and_nothing_changes()
    {
        var chat = await Interviewing();
        var stored = world.Store.Dump();
        world.Store.Unavailable = true;

        var outcome = await chat.Send("Checkout v2");

        Assert.Equal(TurnStatus.StoreUnavailable, outcome.Status);
        Assert.Contains(NotSaved, Assert.Single(chat.Replies).Text, StringComparison.Ordinal);
        Assert.Equal(stored, world.Store.Dump());
    }

    [Fact]
    public async Task Store_refusing_the_write_the_user_is_told_nothing_was_saved_and_gets_no_next_question()
    {
        var chat = await Interviewing();
        var stored = world.Store.Dump();
        world.Store.WritesUnavailable = true;

        await chat.Send("Checkout v2");

        Assert.Equal(["notice Problem"], chat.Headings);
        chat.ExpectReplyContaining(NotSaved);
        Assert.Equal(stored, world.Store.Dump());
    }

    [Fact]
    public async Task Answer_sent_again_after_the_outage_is_saved()
    {
        var chat = await Interviewing();
        world.Store.Unavailable = true;
        await chat.Send("Checkout v2");
        world.Store.Unavailable = false;

        await chat.Send("Checkout v2");

        chat.ExpectQuestion("valuable-features");
        Assert.Equal("Checkout v2", world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!.Plan.AnswerTo("features")!.Value.Text);
    }

    [Fact]
    public async Task Plan_started_during_an_outage_is_not_created()
    {
        var chat = world.Chat();
        world.Store.WritesUnavailable = true;

        await chat.Send("plan Contoso.Web 2.4");

        chat.ExpectReplyContaining(NotSaved);
        Assert.Equal(0, world.Store.PlanCount);
    }
}
