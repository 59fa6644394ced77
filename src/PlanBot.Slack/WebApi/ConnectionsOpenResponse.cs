namespace PlanBot.Slack.WebApi;

/// <summary><c>apps.connections.open</c>: a temporary WebSocket URL for Socket Mode.</summary>
public sealed class ConnectionsOpenResponse : SlackResponse
{
    public string? Url { get; set; }
}
