using PlanBot.Conversations.State;
using PlanBot.Conversations.Turns;
using PlanBot.Conversations.Views;

namespace PlanBot.Conversations.Ports;

/// <summary>A channel's way of showing views and delivering them: Bot Framework, Slack, or a test.</summary>
public interface IReplyChannel
{
    RenderedReply Render(View view, ConversationRef where);

    /// <summary>Delivers one reply; throws when it could not, so it stays owed.</summary>
    Task SendAsync(ConversationRef to, OwedReply reply, CancellationToken cancellationToken);
}
