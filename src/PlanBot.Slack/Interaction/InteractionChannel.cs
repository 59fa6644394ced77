namespace PlanBot.Slack.Interaction;

public sealed class InteractionChannel
{
    public string? Id { get; set; }

    public string? Name { get; set; }
}
