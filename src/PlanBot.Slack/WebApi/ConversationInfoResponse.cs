namespace PlanBot.Slack.WebApi;

public sealed class ConversationInfoResponse : SlackResponse
{
    public SlackConversation? Channel { get; set; }
}
