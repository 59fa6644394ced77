using PlanBot.Conversations.Engine;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Tests.Scripts;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Tests;

/// <summary>
/// A reply is committed with its turn and sent after. When the sender fails between the two, a
/// later turn sends what is still owed, once, and never a reply another host may still be sending.
/// </summary>
public sealed class OwedReplyTests
{
    private readonly BotWorld world = new();

    [Fact]
    public async Task Replies_that_failed_to_send_go_out_once_before_the_next_reply()
    {
        var chat = world.Chat();
        await chat.Send("plan Contoso.Web 2.4");
        await chat.Send("Checkout v2");

        chat.Channel.FailSends = true;
        var failed = await chat.Send("Saved carts");
        chat.Channel.FailSends = false;
        Assert.Equal((0, 1), (failed.Sent, failed.Failed));
        chat.ExpectNoReply();

        await chat.Send("status");
        Assert.Equal(2, chat.Replies.Count);
        Assert.StartsWith("question components (", chat.Replies[0].Heading, StringComparison.Ordinal);
        Assert.StartsWith("summary", chat.Replies[1].Heading, StringComparison.Ordinal);

        await chat.Send("help");
        Assert.Equal(["help"], chat.Headings);
    }

    [Fact]
    public async Task Failed_send_leaves_the_answer_saved()
    {
        var chat = world.Chat();
        await chat.Send("plan Contoso.Web 2.4");

        chat.Channel.FailSends = true;
        await chat.Send("Checkout v2");

        Assert.Equal("Checkout v2", world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!.Plan.AnswerTo("features")!.Value.Text);
    }

    [Fact]
    public async Task Owed_reply_of_another_host_is_left_to_it_within_the_grace_period_and_sent_once_after()
    {
        var chat = world.Chat();
        var owed = new OwedReply("reply-of-host-b", new RenderedReply("question features (1/23) sent by host b"), world.Now.AddSeconds(-1), "host-b", "activity-0");
        SeedPlanOwing(chat, owed);

        await chat.Send("status");
        Assert.Equal(["summary"], chat.Headings.Select(h => h.Split(' ')[0]));

        world.Clock.Advance(world.Options.OwedReplyGrace - TimeSpan.FromSeconds(2));
        await chat.Send("status");
        Assert.DoesNotContain(chat.Replies, r => r.Reply.Id == "reply-of-host-b");

        world.Clock.Advance(TimeSpan.FromSeconds(2));
        await chat.Send("status");
        Assert.Equal("reply-of-host-b", chat.Replies[0].Reply.Id);
        Assert.Equal("question features (1/23) sent by host b", chat.Replies[0].Text);
        Assert.Equal(2, chat.Replies.Count);

        await chat.Send("status");
        Assert.DoesNotContain(chat.Replies, r => r.Reply.Id == "reply-of-host-b");
        Assert.Single(chat.Replies);
    }

    private void SeedPlanOwing(ChatScript chat, OwedReply owed)
    {
        var plan = Plan.Start("plan-seeded", BotWorld.Tenant, "Contoso.Web", "2.4", chat.User, world.Now.AddMinutes(-5));
        var session = new ConversationSession { Cursor = "features", Reference = chat.Conversation, Outbox = [owed] };
        world.Store.Seed(new PlanDocument { Plan = plan, Sessions = new(StringComparer.Ordinal) { [chat.Conversation.Key] = session } });
        world.Store.Seed(new ConversationDocument
        {
            Key = chat.Conversation.Key,
            TenantId = BotWorld.Tenant,
            Reference = chat.Conversation,
            ActivePlanId = plan.Id,
        });
    }
}
