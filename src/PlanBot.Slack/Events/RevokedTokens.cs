namespace PlanBot.Slack.Events;

public sealed class RevokedTokens
{
    public List<string>? Oauth { get; set; }

    public List<string>? Bot { get; set; }
}
