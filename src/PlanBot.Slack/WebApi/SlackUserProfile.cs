namespace PlanBot.Slack.WebApi;

public sealed class SlackUserProfile
{
    public string? DisplayName { get; set; }

    public string? RealName { get; set; }
}
