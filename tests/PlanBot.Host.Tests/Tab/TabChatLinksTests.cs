using PlanBot.Conversations.State;
using PlanBot.Conversations.Turns;
using PlanBot.Host.Tab;
using PlanBot.Testing;

namespace PlanBot.Host.Tests.Tab;

/// <summary>"Open in chat": the plan's thread in its release channel when there is one, else a chat with the bot.</summary>
public sealed class TabChatLinksTests
{
    [Fact]
    public void A_plan_posted_in_its_release_channel_links_to_that_thread()
    {
        var document = new PlanDocument { Plan = SamplePlans.Answered(3) };
        var thread = new ConversationRef("msteams", "msteams:tenant-1", "19:release@thread.tacv2;messageid=1700000000001", ConversationKind.Channel,
            Thread: new ConversationThread("19:release@thread.tacv2", "1700000000001"));
        document.Posts[PostKeys.Approval] = new ChannelPost(thread, "1700000000002", SamplePlans.Now);

        var link = TabChatLinks.For(document, "2c1b8a4e-6f0d-4e57-9a3b-7d2f1c0e9b11");

        Assert.Equal("https://teams.microsoft.com/l/message/19%3Arelease%40thread.tacv2/1700000000001", link?.AbsoluteUri);
    }

    [Fact]
    public void A_plan_not_posted_yet_links_to_a_chat_with_the_bot_with_its_command_typed_in()
    {
        var document = new PlanDocument { Plan = SamplePlans.Answered(3) };

        var link = TabChatLinks.For(document, "2c1b8a4e-6f0d-4e57-9a3b-7d2f1c0e9b11");

        Assert.Equal("https://teams.microsoft.com/l/chat/0/0?users=28:2c1b8a4e-6f0d-4e57-9a3b-7d2f1c0e9b11&message=plan%20Contoso.Web%202.4", link?.AbsoluteUri);
        Assert.Null(TabChatLinks.For(document, botAppId: null));
    }
}
