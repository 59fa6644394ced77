using PlanBot.Conversations.Ports;

namespace PlanBot.Host.Hosting;

/// <summary>
/// The reply channel of a channel id, as the adapters registered it: an adapter registers its
/// <see cref="IReplyChannel"/> keyed by each channel id it owns (Slack: <c>slack</c>), and the one
/// adapter that serves every other id registers it under <see cref="KeyedService.AnyKey"/> (Bot
/// Framework: <c>msteams</c>, <c>emulator</c>, <c>webchat</c>…). An exact key wins over AnyKey.
/// Null when no adapter on this host serves the channel (Slack turned off, no Bot Framework).
/// </summary>
internal sealed class ReplyChannels(IServiceProvider services) : IReplyChannels
{
    public IReplyChannel? For(string channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return services.GetKeyedService<IReplyChannel>(channel);
    }
}
