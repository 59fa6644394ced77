namespace PlanBot.Slack.WebApi;

/// <summary>The parts of <c>conversations.info</c> that tell a DM, a group DM and a channel apart.</summary>
public sealed class SlackConversation
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public bool IsIm { get; set; }

    public bool IsMpim { get; set; }

    public bool IsPrivate { get; set; }

    public bool IsArchived { get; set; }
}
