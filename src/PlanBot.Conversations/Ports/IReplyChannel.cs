using PlanBot.Conversations.State;
using PlanBot.Conversations.Turns;
using PlanBot.Conversations.Views;

namespace PlanBot.Conversations.Ports;

/// <summary>
/// Where a delivered message now lives: the conversation (a new thread's id, with <paramref name="Thread"/>
/// saying which channel it is in) and the message id.
/// </summary>
public sealed record DeliveryReceipt(string? ConversationId, string? ActivityId, ConversationThread? Thread = null);

/// <summary>A channel's way of showing views and delivering them: Bot Framework, Slack, or a test.</summary>
public interface IReplyChannel
{
    RenderedReply Render(View view, ConversationRef where);

    /// <summary>Delivers one reply; throws when it could not, so it stays owed.</summary>
    Task<DeliveryReceipt> SendAsync(ConversationRef to, OwedReply reply, CancellationToken cancellationToken);
}
