namespace PlanBot.Slack.Interaction;

public sealed class InteractionUser
{
    public string? Id { get; set; }

    public string? Username { get; set; }

    public string? Name { get; set; }

    public string? TeamId { get; set; }
}
