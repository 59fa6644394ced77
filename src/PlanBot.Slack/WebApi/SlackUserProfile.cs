namespace PlanBot.Slack.WebApi;

public sealed class SlackUserProfile
{
    public string? DisplayName { get; set; }

    public string? RealName { get; set; }

    /// <summary>Present only with the <c>users:read.email</c> scope.</summary>
    public string? Email { get; set; }
}
