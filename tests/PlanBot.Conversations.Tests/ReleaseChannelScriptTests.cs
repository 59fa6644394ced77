using PlanBot.Conversations.State;
using PlanBot.Conversations.Tests.Scripts;
using PlanBot.Conversations.Turns;

namespace PlanBot.Conversations.Tests;

/// <summary>
/// Release channels: who may make a team channel a product's release channel, where it must be
/// typed, what <c>channel</c> lists, and what removing the bot from the team does to them.
/// </summary>
public sealed class ReleaseChannelScriptTests
{
    private const string HowToSet = "In a team channel, `channel set <product>` makes it that product's release channel.";

    private readonly BotWorld world = new();

    [Fact]
    public async Task Channel_alone_says_none_is_set_yet_and_how_to_set_one()
    {
        var dana = world.Chat();

        await dana.Send("channel");

        Assert.Equal($"notice Info\nNo release channels are set yet.\n\n{HowToSet}", dana.LastReply);
    }

    [Fact]
    public async Task First_person_to_set_a_release_channel_becomes_the_tenants_release_admin()
    {
        var channel = world.InChannel(TestPeople.Dana);

        await channel.Send("channel set Contoso.Web");

        Assert.Equal(
            "notice Success\nThis channel is now the release channel for Contoso.Web: plans submitted for Contoso.Web are posted here for approval. You are now this tenant's release admin.",
            channel.LastReply);

        await channel.Send("channel set Fabrikam.Shop");

        Assert.Equal(
            "notice Success\nThis channel is now the release channel for Fabrikam.Shop: plans submitted for Fabrikam.Shop are posted here for approval.",
            channel.LastReply);
    }

    [Fact]
    public async Task Someone_who_is_not_a_release_admin_may_not_set_a_release_channel()
    {
        await world.SetReleaseChannel(TestPeople.Dana, "Contoso.Web");
        var megan = world.InChannel(TestPeople.Megan, "19:other@thread.tacv2");

        await megan.Send("channel set Contoso.Web");

        Assert.Equal("notice Problem\nOnly a release admin may set release channels: Dana Owner.", megan.LastReply);
        var dana = world.Chat();
        await dana.Send("channel");
        dana.ExpectReplyContaining($"- Contoso.Web: set by Dana Owner on {world.Now:yyyy-MM-dd}\n");
    }

    [Fact]
    public async Task Channel_lists_each_release_channel_by_product_with_who_set_it_and_when()
    {
        var channel = world.InChannel(TestPeople.Dana);
        await channel.Send("channel set Fabrikam.Shop");
        await channel.Send("channel set contoso.web");

        await channel.Send("channel");

        var day = $"{world.Now:yyyy-MM-dd}";
        Assert.Equal(
            $"notice Info\nRelease channels:\n- contoso.web: set by Dana Owner on {day}\n- Fabrikam.Shop: set by Dana Owner on {day}\n\n{HowToSet}",
            channel.LastReply);
    }

    [Theory]
    [InlineData("channel set")]
    [InlineData("channel set Contoso/Web")]
    public async Task Channel_set_without_a_valid_product_name_says_how_to_name_it(string command)
    {
        var channel = world.InChannel(TestPeople.Dana);

        await channel.Send(command);

        Assert.Equal("notice Problem\nName the product: `channel set <product>`, for example `channel set Contoso.Web`.", channel.LastReply);
    }

    [Fact]
    public async Task Channel_set_in_a_personal_chat_says_to_type_it_in_the_team_channel()
    {
        var dana = world.Chat();

        await dana.Send("channel set Contoso.Web");

        Assert.Equal("notice Problem\nRun `channel set <product>` in the team channel that should receive the product's plans (@mention me there).", dana.LastReply);
        await dana.Send("channel");
        dana.ExpectReplyContaining("No release channels are set yet.");
    }

    [Fact]
    public async Task Channel_set_in_a_reply_thread_makes_the_channel_itself_the_release_channel()
    {
        await world.InThread(TestPeople.Dana, "19:release@thread.tacv2", "1700000000000").Send("channel set Contoso.Web");
        var dana = await world.CompletePlan("Contoso.Web", "2.4");

        await dana.Send("submit");

        var request = Assert.Single(dana.Replies, r => r.Reply.Mode == DeliveryMode.NewThread);
        Assert.Equal("19:release@thread.tacv2", request.To.ConversationId);
    }

    [Fact]
    public async Task Whoever_installs_the_bot_first_is_the_release_admin()
    {
        var alex = world.InChannel(TestPeople.Alex);
        await Deliver(alex, TurnKind.Installed);
        Assert.StartsWith("help\nintro: Hi, I'm PlanBot.", Assert.Single(alex.Channel.Sent).Text, StringComparison.Ordinal);

        var dana = world.InChannel(TestPeople.Dana);
        await dana.Send("channel set Contoso.Web");

        Assert.Equal("notice Problem\nOnly a release admin may set release channels: Alex Wilber.", dana.LastReply);
    }

    [Fact]
    public async Task Removing_the_bot_from_the_team_stops_posting_to_its_release_channels()
    {
        var channel = await world.SetReleaseChannel(TestPeople.Dana, "Contoso.Web");
        await Deliver(world.InChannel(TestPeople.Dana, "19:general@thread.tacv2"), TurnKind.Removed);
        var dana = await world.CompletePlan("Contoso.Web", "2.4");

        await dana.Send("submit");

        dana.ExpectReplyContaining("No release channel is set for Contoso.Web");
        await dana.Send("channel");
        dana.ExpectReplyContaining($"- Contoso.Web: set by Dana Owner on {world.Now:yyyy-MM-dd} (the bot was removed there)");

        await Deliver(channel, TurnKind.AppInstalled);
        await channel.Send("channel set Contoso.Web");
        await dana.Send("submit");
        dana.ExpectReplyContaining("Submitted the plan for Contoso.Web 2.4");
    }

    [Fact]
    public async Task Removing_the_bot_from_another_team_leaves_the_release_channels_alone()
    {
        await world.SetReleaseChannel(TestPeople.Dana, "Contoso.Web");
        var otherTeam = new ConversationRef("msteams", BotWorld.Tenant, "19:elsewhere@thread.tacv2", ConversationKind.Channel, ServiceUrl: "https://smba.trafficmanager.net/emea/", TeamId: "19:other-team@thread.tacv2");
        await Deliver(new ChatScript(world, world.Bot, TestPeople.Dana, otherTeam), TurnKind.Removed);
        var dana = await world.CompletePlan("Contoso.Web", "2.4");

        await dana.Send("submit");

        dana.ExpectReplyContaining("Submitted the plan for Contoso.Web 2.4");
    }

    [Fact]
    public async Task Someone_installing_the_bot_after_the_release_admin_does_not_become_one()
    {
        await Deliver(world.InChannel(TestPeople.Alex), TurnKind.Installed);
        await Deliver(world.InChannel(TestPeople.Megan, "19:other@thread.tacv2"), TurnKind.Installed);

        var megan = world.InChannel(TestPeople.Megan, "19:other@thread.tacv2");
        await megan.Send("channel set Contoso.Web");

        Assert.Equal("notice Problem\nOnly a release admin may set release channels: Alex Wilber.", megan.LastReply);
    }

    [Fact]
    public async Task Installation_by_someone_the_channel_does_not_identify_makes_no_release_admin()
    {
        await Deliver(world.InChannel(new Domain.Answers.PersonRef(string.Empty, "Unknown")), TurnKind.Installed);

        var dana = world.InChannel(TestPeople.Dana);
        await dana.Send("channel set Contoso.Web");

        dana.ExpectReplyContaining("You are now this tenant's release admin.");
    }

    [Fact]
    public async Task Removing_the_bot_from_the_release_channel_itself_stops_posting_there_even_without_a_team()
    {
        await world.SetReleaseChannel(TestPeople.Dana, "Contoso.Web");
        var channelAlone = new ConversationRef("msteams", BotWorld.Tenant, PlanningSteps.ReleaseChannelId, ConversationKind.Channel, ServiceUrl: "https://smba.trafficmanager.net/emea/");
        await Deliver(new ChatScript(world, world.Bot, TestPeople.Dana, channelAlone), TurnKind.Removed);
        var dana = await world.CompletePlan("Contoso.Web", "2.4");

        await dana.Send("submit");

        dana.ExpectReplyContaining("No release channel is set for Contoso.Web");
    }

    private async Task Deliver(ChatScript chat, TurnKind kind)
    {
        var turn = new Turn(kind, world.NextActivityId(), chat.Conversation, chat.User, string.Empty, []);
        await chat.Bot.Processor.ProcessAsync(turn, chat.Channel, CancellationToken.None);
    }
}
