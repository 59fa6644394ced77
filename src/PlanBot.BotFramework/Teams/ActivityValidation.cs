using PlanBot.BotFramework.Schema;

namespace PlanBot.BotFramework.Teams;

/// <summary>The fields an activity needs before PlanBot can act on it; a missing one is a 400 with its name.</summary>
public static class ActivityValidation
{
    public static string? Problem(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return "The activity has no type.";
        }

        if (activity.Type is not ("message" or "conversationUpdate" or "installationUpdate" or "invoke"))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(activity.ChannelId))
        {
            return "The activity has no channelId.";
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return "The activity has no conversation.id.";
        }

        if (activity.Type is "message" or "invoke" && string.IsNullOrWhiteSpace(activity.From?.Id))
        {
            return "The activity has no from.id.";
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || serviceUrl.Scheme is not ("https" or "http"))
        {
            return "The activity has no valid serviceUrl.";
        }

        return null;
    }
}
