namespace PlanBot.Slack.WebApi;

public sealed class UserInfoResponse : SlackResponse
{
    public SlackUser? User { get; set; }
}
