namespace PlanBot.Slack.WebApi;

public sealed class PostEphemeralResponse : SlackResponse
{
    public string? MessageTs { get; set; }
}
