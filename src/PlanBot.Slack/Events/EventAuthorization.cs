namespace PlanBot.Slack.Events;

/// <summary>One installation the event is visible to; for PlanBot, its own bot user.</summary>
public sealed class EventAuthorization
{
    public string? EnterpriseId { get; set; }

    public string? TeamId { get; set; }

    public string? UserId { get; set; }

    public bool IsBot { get; set; }

    public bool IsEnterpriseInstall { get; set; }
}
