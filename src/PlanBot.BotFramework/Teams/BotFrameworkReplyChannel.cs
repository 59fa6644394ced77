using System.Text.Json;
using PlanBot.BotFramework.Connector;
using PlanBot.BotFramework.Schema;
using PlanBot.Cards.AdaptiveCards;
using PlanBot.Cards.Text;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Turns;
using PlanBot.Conversations.Views;

namespace PlanBot.BotFramework.Teams;

/// <summary>Renders views for Teams and the Bot Framework channels, and delivers them through the Connector.</summary>
public sealed class BotFrameworkReplyChannel(ConnectorClient connector) : IReplyChannel
{
    /// <summary>
    /// Questions, section forms, summaries, approvals and help are Adaptive Cards; short notices stay text, except
    /// those that @mention people, which Teams notifies only through mention entities in a card.
    /// </summary>
    public RenderedReply Render(View view, ConversationRef where)
    {
        ArgumentNullException.ThrowIfNull(where);
        var asCard = view is QuestionView or SectionFormView or PlanSummaryView or ApprovalView or HelpView or RunSheetView or SuccessChecklistView
            || view is NoticeView { Mentions.Count: > 0 };
        if (!asCard)
        {
            return new RenderedReply(TextRenderer.Render(view));
        }

        var card = AdaptiveCardRenderer.Render(view, new CardAudience(where.Kind));
        return new RenderedReply(null, RenderedCard.ContentType, card.Json, card.Summary);
    }

    public async Task<DeliveryReceipt> SendAsync(ConversationRef to, OwedReply reply, CancellationToken cancellationToken)
    {
        try
        {
            return await DeliverAsync(to, reply, cancellationToken);
        }
        catch (ConnectorException refused) when (IsPermanent(refused.Status))
        {
            throw new ReplyRejectedException($"The Connector refused the reply: {refused.Message}", refused);
        }
    }

    /// <summary>A client error other than throttling or a precondition will fail the same way every time.</summary>
    private static bool IsPermanent(System.Net.HttpStatusCode status) =>
        (int)status is >= 400 and < 500 && status is not (System.Net.HttpStatusCode.TooManyRequests or System.Net.HttpStatusCode.PreconditionFailed or System.Net.HttpStatusCode.RequestTimeout or System.Net.HttpStatusCode.Unauthorized);

    private async Task<DeliveryReceipt> DeliverAsync(ConversationRef to, OwedReply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(reply);
        var serviceUrl = to.ServiceUrl ?? throw new InvalidOperationException("The conversation has no service URL to reply through.");
        var activity = ToActivity(reply.Reply);
        switch (reply.Mode)
        {
            case DeliveryMode.NewThread:
                var created = await connector.CreateConversationAsync(serviceUrl, NewThread(to, activity), cancellationToken);
                return new DeliveryReceipt(created.Id, created.ActivityId, ThreadOf(created.Id));
            case DeliveryMode.Direct when reply.Recipient is { IsResolved: true } person:
                // Create (or find) the chat, then send into it: not every Connector posts the create's activity.
                var chat = await connector.CreateConversationAsync(serviceUrl, PersonalChat(to, person), cancellationToken);
                var chatId = chat.Id ?? throw new ConnectorException("The Connector created a chat without an id.");
                var first = await connector.SendToConversationAsync(chat.ServiceUrl ?? serviceUrl, chatId, activity, cancellationToken);
                return new DeliveryReceipt(chatId, first.Id);
            case DeliveryMode.Update when reply.UpdateActivityId is { } target:
                await connector.UpdateActivityAsync(serviceUrl, to.ConversationId, target, activity, cancellationToken);
                return new DeliveryReceipt(to.ConversationId, target);
            default:
                activity.ReplyToId = reply.ReplyToActivityId;
                var sent = reply.ReplyToActivityId is { } replyTo
                    ? await connector.ReplyToActivityAsync(serviceUrl, to.ConversationId, replyTo, activity, cancellationToken)
                    : await connector.SendToConversationAsync(serviceUrl, to.ConversationId, activity, cancellationToken);
                return new DeliveryReceipt(to.ConversationId, sent.Id);
        }
    }

    /// <summary>The thread a new channel post's conversation id names.</summary>
    private static ConversationThread? ThreadOf(string? conversationId) =>
        conversationId is not null && TeamsConversationId.Parse(conversationId) is (var channel, { } messageId)
            ? new ConversationThread(channel, messageId)
            : null;

    private static OutboundActivity ToActivity(RenderedReply reply)
    {
        var activity = new OutboundActivity
        {
            Text = reply.Text,
            TextFormat = reply.Text is null ? null : "markdown",
            Summary = reply.Summary,
        };
        if (reply.CardJson is { } card)
        {
            using var document = JsonDocument.Parse(card);
            activity.Attachments = [new OutboundAttachment { ContentType = reply.CardContentType!, Content = document.RootElement.Clone() }];
        }

        return activity;
    }

    /// <summary>A proactive personal chat with one user (PROTOCOLS §2.2); Teams returns the existing one if there is.</summary>
    private static ConversationParameters PersonalChat(ConversationRef where, Domain.Answers.PersonRef person)
    {
        var tenant = where.TenantId[(where.TenantId.IndexOf(':', StringComparison.Ordinal) + 1)..];
        var channelData = JsonSerializer.SerializeToElement(
            new Dictionary<string, Dictionary<string, string>> { ["tenant"] = new() { ["id"] = tenant } },
            TeamsJsonContext.Default.DictionaryStringDictionaryStringString);
        return new ConversationParameters
        {
            IsGroup = false,
            Bot = where.BotId is null ? null : new BotAccount { Id = where.BotId },
            Members = [new BotAccount { Id = person.Id, Name = person.Name }],
            TenantId = tenant,
            ChannelData = channelData,
        };
    }

    /// <summary>A new post in a Teams channel: create-conversation with the channel's id (PROTOCOLS §2.2).</summary>
    private static ConversationParameters NewThread(ConversationRef channel, OutboundActivity activity)
    {
        var tenant = channel.TenantId[(channel.TenantId.IndexOf(':', StringComparison.Ordinal) + 1)..];
        var channelId = channel.ConversationId.Split(';')[0];
        var channelData = JsonSerializer.SerializeToElement(
            new Dictionary<string, Dictionary<string, string>> { ["channel"] = new() { ["id"] = channelId }, ["tenant"] = new() { ["id"] = tenant } },
            TeamsJsonContext.Default.DictionaryStringDictionaryStringString);
        return new ConversationParameters { IsGroup = true, ChannelData = channelData, Activity = activity, TenantId = tenant };
    }
}
