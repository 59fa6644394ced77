using PlanBot.Conversations.Turns;

namespace PlanBot.Conversations.State;

/// <summary>How an owed reply is delivered.</summary>
public enum DeliveryMode
{
    /// <summary>Into the conversation (threaded under <see cref="OwedReply.ReplyToActivityId"/> where set).</summary>
    Reply,

    /// <summary>As a new thread (a new channel post) in <see cref="OwedReply.To"/>.</summary>
    NewThread,

    /// <summary>Replacing the earlier message <see cref="OwedReply.UpdateActivityId"/> for everyone.</summary>
    Update,

    /// <summary>In a personal chat with <see cref="OwedReply.Recipient"/>, opened by the bot when needed.</summary>
    Direct,
}

/// <summary>
/// A reply committed with the turn that produced it and not yet known to be sent. The host that
/// committed it sends it right after the commit; <see cref="CommittedAt"/> and
/// <see cref="Instance"/> let a later turn tell a reply still in flight from one whose sender died.
/// <see cref="To"/> is set when it goes elsewhere than the turn's conversation (a release channel, a
/// personal chat); <see cref="PostKey"/> names a post whose id is remembered for later updates.
/// </summary>
public sealed record OwedReply(
    string Id,
    RenderedReply Reply,
    DateTimeOffset CommittedAt,
    string Instance,
    string? ReplyToActivityId,
    ConversationRef? To = null,
    DeliveryMode Mode = DeliveryMode.Reply,
    string? UpdateActivityId = null,
    string? PostKey = null,
    Domain.Answers.PersonRef? Recipient = null);
