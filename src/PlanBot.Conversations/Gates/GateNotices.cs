using PlanBot.Conversations.Engine;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Turns;
using PlanBot.Conversations.Views;

namespace PlanBot.Conversations.Gates;

/// <summary>
/// Messages about a plan's gates, rendered for their channel and put in the plan's gate outbox as
/// owed by this host: a notice in the approval request's thread with the card updated to show what
/// the plan gates, or, for a plan not submitted yet, a word to its owner in a personal chat.
/// </summary>
internal sealed class GateNotices(IReplyChannels channels, string instance, Action<string, string> undeliverable)
{
    /// <summary>Adds the notice (and the card's update); returns the messages added.</summary>
    public IReadOnlyList<OwedReply> Add(PlanDocument document, string text, Tone tone, DateTimeOffset now)
    {
        var added = new List<OwedReply>();
        if (document.Posts.TryGetValue(PostKeys.Approval, out var request))
        {
            Owe(document, added, new NoticeView(text, tone), request.Thread, DeliveryMode.Reply, now);
            Owe(document, added, ApprovalViews.Build(document, forApprover: false, now: now), request.Thread, DeliveryMode.Update, now, request.ActivityId);
        }
        else if (document.Plan.Owner.IsResolved && OwnersChat(document) is { } chat)
        {
            Owe(document, added, new NoticeView($"{text} The plan for {document.Plan.Title} is not submitted yet: `submit` sends it to its approvers.", tone), chat, DeliveryMode.Direct, now, recipient: document.Plan.Owner);
        }

        return added;
    }

    /// <summary>
    /// Where a direct message to the owner can be opened from: a conversation of this plan on a
    /// channel this host serves, with its conversation id left for the channel to fill in.
    /// </summary>
    private ConversationRef? OwnersChat(PlanDocument document) =>
        document.Sessions.Values
            .Select(s => s.Reference)
            .FirstOrDefault(r => r is not null && r.TenantId == document.Plan.TenantId && channels.For(r.Channel) is not null)
            is { } known
            ? known with { ConversationId = string.Empty, Kind = ConversationKind.Personal, Thread = null }
            : null;

    private void Owe(PlanDocument document, List<OwedReply> added, View view, ConversationRef to, DeliveryMode mode, DateTimeOffset now, string? update = null, Domain.Answers.PersonRef? recipient = null)
    {
        if (channels.For(to.Channel) is not { } channel)
        {
            undeliverable(document.Plan.Id, to.Channel);
            return;
        }

        var reply = new OwedReply(Guid.NewGuid().ToString("N"), channel.Render(view, to), now, instance, null, to, mode, update, Recipient: recipient);
        (document.GateOutbox ??= []).Add(reply);
        added.Add(reply);
    }
}
