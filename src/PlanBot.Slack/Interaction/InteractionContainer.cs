namespace PlanBot.Slack.Interaction;

/// <summary>Where the interaction happened: a message (<see cref="MessageTs"/>) or a view (<see cref="ViewId"/>).</summary>
public sealed class InteractionContainer
{
    public string? Type { get; set; }

    public string? MessageTs { get; set; }

    public string? ThreadTs { get; set; }

    public string? ChannelId { get; set; }

    public string? ViewId { get; set; }

    public bool IsEphemeral { get; set; }
}
