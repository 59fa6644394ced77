namespace PlanBot.BotFramework.Teams;

/// <summary>
/// Teams' conversation ids: a channel post's thread is addressed as the channel's id plus
/// <c>;messageid=</c> and the post's message id. The one place that format is read or written.
/// </summary>
public static class TeamsConversationId
{
    private const string ThreadMarker = ";messageid=";

    /// <summary>The channel (or chat) a conversation id belongs to, and the thread's message id when it is a thread.</summary>
    public static (string Channel, string? MessageId) Parse(string conversationId)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var cut = conversationId.IndexOf(ThreadMarker, StringComparison.Ordinal);
        return cut < 0 ? (conversationId, null) : (conversationId[..cut], conversationId[(cut + ThreadMarker.Length)..]);
    }
}
