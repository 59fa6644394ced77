namespace PlanBot.BotFramework.Teams;

/// <summary>Microsoft Teams as the Bot Framework names it in an activity's <c>channelId</c>.</summary>
public static class TeamsChannel
{
    public const string Id = "msteams";
}
