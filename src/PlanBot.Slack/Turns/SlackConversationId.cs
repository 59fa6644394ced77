using System.Diagnostics.CodeAnalysis;
using PlanBot.Conversations.Turns;

namespace PlanBot.Slack.Turns;

/// <summary>
/// PlanBot's conversation id for Slack: the channel id, plus <c>:&lt;thread_ts&gt;</c> for a thread.
/// Replies to a conversation with a thread go into that thread.
/// </summary>
public static class SlackConversationId
{
    public static string Id(string channelId, string? threadTs) =>
        string.IsNullOrEmpty(threadTs) ? channelId : $"{channelId}:{threadTs}";

    public static (string Channel, string? ThreadTs) Parse(string conversationId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        var cut = conversationId.IndexOf(':', StringComparison.Ordinal);
        return cut < 0 ? (conversationId, null) : (conversationId[..cut], conversationId[(cut + 1)..]);
    }

    /// <summary>The thread a conversation id names (a channel and a message <c>ts</c>), or null for a channel itself.</summary>
    public static ConversationThread? Thread(string conversationId) =>
        Parse(conversationId) is (var channel, { } ts) ? new ConversationThread(channel, ts) : null;

    /// <summary>True for ids PlanBot itself made: a channel id and an optional message timestamp.</summary>
    public static bool IsWellFormed([NotNullWhen(true)] string? conversationId) =>
        conversationId is { Length: > 1 and < 64 }
        && conversationId.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c is ':' or '.')
        && char.IsAsciiLetterUpper(conversationId[0]);
}
