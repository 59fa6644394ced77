namespace PlanBot.Conversations.Ports;

/// <summary>
/// The reply channel for a conversation's channel id ("msteams", "slack"…), for work that starts
/// without an inbound request, such as reminders. Null when this host does not serve that channel.
/// </summary>
public interface IReplyChannels
{
    IReplyChannel? For(string channel);
}
