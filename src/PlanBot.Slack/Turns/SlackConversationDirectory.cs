using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using PlanBot.Conversations.Turns;
using PlanBot.Slack.WebApi;

namespace PlanBot.Slack.Turns;

/// <summary>
/// Tells a direct message, a group DM and a channel apart: from what the payload says when it says
/// enough, else from <c>conversations.info</c> (kept: a conversation's kind never changes).
/// </summary>
public sealed class SlackConversationDirectory(SlackWebApiClient api, ILogger<SlackConversationDirectory> logger)
{
    private const int Capacity = 10_000;
    private readonly ConcurrentDictionary<string, ConversationKind> kinds = new(StringComparer.Ordinal);

    /// <summary>The kind from an event's <c>channel_type</c>: <c>im</c>, <c>mpim</c>, <c>channel</c>, <c>group</c>.</summary>
    public static ConversationKind? FromChannelType(string? channelType) => channelType switch
    {
        "im" => ConversationKind.Personal,
        "mpim" => ConversationKind.Group,
        "channel" or "group" => ConversationKind.Channel,
        _ => null,
    };

    /// <summary>
    /// The kind from a channel id and the name commands and interactions give it
    /// (<c>directmessage</c>, <c>mpdm-…</c>, <c>privategroup</c> or the channel's name).
    /// </summary>
    public static ConversationKind? FromName(string channelId, string? channelName)
    {
        if (channelId.StartsWith('D') || channelName == "directmessage")
        {
            return ConversationKind.Personal;
        }

        if (channelName is null || channelName == "privategroup")
        {
            return null;
        }

        return channelName.StartsWith("mpdm-", StringComparison.Ordinal) ? ConversationKind.Group : ConversationKind.Channel;
    }

    public async Task<ConversationKind> KindAsync(string channelId, string? channelType, string? channelName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        if ((FromChannelType(channelType) ?? FromName(channelId, channelName)) is { } known)
        {
            return known;
        }

        if (kinds.TryGetValue(channelId, out var cached))
        {
            return cached;
        }

        try
        {
            var conversation = await api.GetConversationAsync(channelId, cancellationToken);
            var kind = conversation.IsIm ? ConversationKind.Personal : conversation.IsMpim ? ConversationKind.Group : ConversationKind.Channel;
            if (kinds.Count >= Capacity)
            {
                kinds.Clear();
            }

            kinds[channelId] = kind;
            return kind;
        }
        catch (Exception failure) when (failure is SlackApiException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LookupFailed(failure, "conversation", channelId);
            return ConversationKind.Channel;
        }
    }
}
