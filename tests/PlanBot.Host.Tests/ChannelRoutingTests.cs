using Microsoft.Extensions.DependencyInjection;
using PlanBot.BotFramework.Teams;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.Turns;
using PlanBot.Host.Tests.Infrastructure;
using PlanBot.Slack.Delivery;
using PlanBot.Slack.Turns;
using PlanBot.Testing;
using PlanBot.Testing.Teams;

namespace PlanBot.Host.Tests;

/// <summary>
/// Which adapter answers a conversation, by its channel id, as the host composes them: Slack its
/// own conversations, Bot Framework every other channel id, and nobody a Slack conversation on a
/// host that does not run Slack.
/// </summary>
public sealed class ChannelRoutingTests : IDisposable
{
    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    [Theory]
    [InlineData(TeamsChannel.Id)]
    [InlineData("emulator")]
    [InlineData("webchat")]
    [InlineData("directline")]
    public void Every_channel_but_Slack_is_answered_through_Bot_Framework(string channel)
    {
        using var factory = new PlanBotFactory(database.Path, new RecordingConnector());

        var replies = factory.Services.GetRequiredService<IReplyChannels>().For(channel);

        Assert.Same(factory.Services.GetRequiredService<BotFrameworkReplyChannel>(), replies);
        Assert.Same(factory.Services.GetRequiredService<TeamsPeopleDirectory>(), factory.Services.GetKeyedService<IPeopleDirectory>(channel));
    }

    [Fact]
    public async Task With_Slack_off_a_Slack_conversation_is_served_by_nobody_here()
    {
        var connector = new RecordingConnector();
        using var factory = new PlanBotFactory(database.Path, connector);
        var slackChannel = new ConversationRef(SlackTenancy.Channel, "slack:T0001", "C0001", ConversationKind.Channel, TeamId: "T0001");

        Assert.Null(factory.Services.GetRequiredService<IReplyChannels>().For(SlackTenancy.Channel));
        var people = factory.Services.GetRequiredService<IPeopleDirectory>();
        Assert.Null(await people.FindAsync(slackChannel, "megan@contoso.com", CancellationToken.None));
        Assert.Null(await people.MembersAsync(slackChannel, CancellationToken.None));
        Assert.Empty(connector.Calls);
    }

    [Fact]
    public void With_Slack_on_Slack_conversations_go_through_Slack_and_the_rest_through_Bot_Framework()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Slack:Enabled"] = "true",
            ["Slack:SigningSecret"] = "8f742231b10e8888abcd99yyyzzz85a5",
            ["Slack:BotToken"] = "xoxb-test-bot-token",
            ["Slack:TeamId"] = "T0001",
        };
        using var factory = new PlanBotFactory(database.Path, new RecordingConnector(), settings);
        var channels = factory.Services.GetRequiredService<IReplyChannels>();

        Assert.Same(factory.Services.GetRequiredService<SlackReplyChannel>(), channels.For(SlackTenancy.Channel));
        Assert.Same(factory.Services.GetRequiredService<BotFrameworkReplyChannel>(), channels.For(TeamsChannel.Id));
        Assert.IsType<PlanBot.Slack.People.SlackPeopleDirectory>(factory.Services.GetKeyedService<IPeopleDirectory>(SlackTenancy.Channel));
    }
}
