using PlanBot.BotFramework.Teams;
using PlanBot.Conversations.Ports;
using PlanBot.Slack.Delivery;
using PlanBot.Slack.Turns;

namespace PlanBot.Host.Hosting;

/// <summary>Slack conversations go through the Slack adapter (when it is enabled); every other channel through Bot Framework.</summary>
internal sealed class ReplyChannels(BotFrameworkReplyChannel botFramework, IServiceProvider services) : IReplyChannels
{
    public IReplyChannel? For(string channel) =>
        channel == SlackTenancy.Channel ? services.GetService<SlackReplyChannel>() : botFramework;
}
