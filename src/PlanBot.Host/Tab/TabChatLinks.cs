using PlanBot.BotFramework.Teams;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Turns;

namespace PlanBot.Host.Tab;

/// <summary>
/// Where "Open in chat" goes: the plan's thread in its release channel when the bot posted one
/// (a Teams deep link to that message), else a chat with the bot with the plan's command typed in.
/// </summary>
internal static class TabChatLinks
{
    public static Uri? For(PlanDocument document, string? botAppId)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var key in new[] { PostKeys.Approval, PostKeys.Summary })
        {
            if (document.Posts.TryGetValue(key, out var post) && post.Thread.Channel == TeamsChannel.Id && post.Thread.Kind == ConversationKind.Channel)
            {
                var (channel, message) = post.Thread.Thread is { } thread
                    ? (thread.ChannelConversationId, thread.Id)
                    : (post.Thread.ConversationId, post.ActivityId);
                return new Uri($"https://teams.microsoft.com/l/message/{Uri.EscapeDataString(channel)}/{Uri.EscapeDataString(message)}");
            }
        }

        if (string.IsNullOrWhiteSpace(botAppId))
        {
            return null;
        }

        var plan = document.Plan;
        return new Uri($"https://teams.microsoft.com/l/chat/0/0?users=28:{Uri.EscapeDataString(botAppId)}&message={Uri.EscapeDataString($"plan {plan.Product} {plan.Version}")}");
    }
}
