namespace PlanBot.Slack.Interaction;

public sealed class InteractionEnterprise
{
    public string? Id { get; set; }

    public string? Name { get; set; }
}
