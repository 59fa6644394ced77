namespace PlanBot.Slack.Interaction;

public sealed class InteractionTeam
{
    public string? Id { get; set; }

    public string? Domain { get; set; }

    public string? EnterpriseId { get; set; }
}
