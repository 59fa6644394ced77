using System.Text.Json;
using Microsoft.Extensions.Logging;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Turns;
using PlanBot.Conversations.Views;
using PlanBot.Slack.Rendering;
using PlanBot.Slack.Turns;
using PlanBot.Slack.WebApi;

namespace PlanBot.Slack.Delivery;

/// <summary>
/// Renders views as Block Kit and delivers them with the Web API: a reply is posted into the
/// conversation (in its thread when it has one), a new thread is a new top-level message whose
/// receipt names the thread (<c>&lt;channel&gt;:&lt;ts&gt;</c>), an update is <c>chat.update</c>.
/// Errors no retry can cure (the channel is gone, the bot is not in it, the app was removed) are
/// reported as <see cref="ReplyRejectedException"/>, so the reply is dropped instead of staying owed.
/// </summary>
public sealed class SlackReplyChannel(SlackWebApiClient api, SlackInstallations installations, ILogger<SlackReplyChannel> logger) : IReplyChannel
{
    public const string BlocksContentType = "application/vnd.slack.blocks+json";

    public RenderedReply Render(View view, ConversationRef where)
    {
        var message = SlackViewRenderer.Render(view);
        var rendered = new RenderedReply(message.Text, BlocksContentType, SlackViewRenderer.BlocksJson(message));
        SlackTurnTrace.Current?.Rendered(view, rendered);
        return rendered;
    }

    public async Task<DeliveryReceipt> SendAsync(ConversationRef to, OwedReply reply, CancellationToken cancellationToken)
    {
        var receipt = await DeliverAsync(to, reply, cancellationToken);
        SlackTurnTrace.Current?.Sent(to, reply, receipt);
        return receipt;
    }

    private async Task<DeliveryReceipt> DeliverAsync(ConversationRef to, OwedReply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(reply);
        if (installations.IsRemoved(to.TenantId))
        {
            logger.PostRefusedRemoved(to.TenantId);
            throw new ReplyRejectedException($"The Slack app was removed from {to.TenantId}.");
        }

        var blocks = Blocks(reply.Reply);
        try
        {
            if (reply.Mode == DeliveryMode.Direct && reply.Recipient is { IsResolved: true } person)
            {
                // Posting to a user id opens (or reuses) the bot's direct message with them; there is
                // no conversation id yet, Slack returns it.
                var direct = await api.PostMessageAsync(new PostMessageRequest { Channel = person.Id, Text = reply.Reply.Text, Blocks = blocks }, cancellationToken);
                return new DeliveryReceipt(direct.Channel ?? person.Id, direct.Ts);
            }

            var (channel, thread) = SlackConversationId.Parse(to.ConversationId);
            switch (reply.Mode)
            {
                case DeliveryMode.NewThread:
                    var posted = await api.PostMessageAsync(new PostMessageRequest { Channel = channel, Text = reply.Reply.Text, Blocks = blocks }, cancellationToken);
                    var threadId = SlackConversationId.Id(posted.Channel ?? channel, posted.Ts);
                    return new DeliveryReceipt(threadId, posted.Ts, SlackConversationId.Thread(threadId));
                case DeliveryMode.Update when reply.UpdateActivityId is { } ts:
                    var updated = await api.UpdateMessageAsync(new UpdateMessageRequest { Channel = channel, Ts = ts, Text = reply.Reply.Text, Blocks = blocks }, cancellationToken);
                    return new DeliveryReceipt(to.ConversationId, updated.Ts ?? ts);
                default:
                    var sent = await api.PostMessageAsync(new PostMessageRequest { Channel = channel, Text = reply.Reply.Text, Blocks = blocks, ThreadTs = thread }, cancellationToken);
                    return new DeliveryReceipt(to.ConversationId, sent.Ts);
            }
        }
        catch (SlackApiException refused) when (refused.IsPermanent)
        {
            throw new ReplyRejectedException($"Slack refused the reply for good: {refused.Error}.", refused);
        }
    }

    private static JsonElement? Blocks(RenderedReply reply)
    {
        if (reply.CardJson is null || reply.CardContentType != BlocksContentType)
        {
            return null;
        }

        using var document = JsonDocument.Parse(reply.CardJson);
        return document.RootElement.Clone();
    }
}
