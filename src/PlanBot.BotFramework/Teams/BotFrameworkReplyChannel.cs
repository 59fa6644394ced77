using System.Text.Json;
using PlanBot.BotFramework.Connector;
using PlanBot.BotFramework.Schema;
using PlanBot.Cards.Text;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Turns;
using PlanBot.Conversations.Views;

namespace PlanBot.BotFramework.Teams;

/// <summary>Renders views for Teams and the Bot Framework channels, and delivers them through the Connector.</summary>
public sealed class BotFrameworkReplyChannel(ConnectorClient connector) : IReplyChannel
{
    public RenderedReply Render(View view, ConversationRef where) => new(TextRenderer.Render(view));

    public async Task SendAsync(ConversationRef to, OwedReply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(reply);
        var serviceUrl = to.ServiceUrl ?? throw new InvalidOperationException("The conversation has no service URL to reply through.");
        var activity = new OutboundActivity
        {
            Text = reply.Reply.Text,
            TextFormat = reply.Reply.Text is null ? null : "markdown",
            Summary = reply.Reply.Summary,
            ReplyToId = reply.ReplyToActivityId,
        };
        if (reply.Reply.CardJson is { } card)
        {
            using var document = JsonDocument.Parse(card);
            activity.Attachments = [new OutboundAttachment { ContentType = reply.Reply.CardContentType!, Content = document.RootElement.Clone() }];
        }

        if (reply.ReplyToActivityId is { } replyTo)
        {
            await connector.ReplyToActivityAsync(serviceUrl, to.ConversationId, replyTo, activity, cancellationToken);
        }
        else
        {
            await connector.SendToConversationAsync(serviceUrl, to.ConversationId, activity, cancellationToken);
        }
    }
}
