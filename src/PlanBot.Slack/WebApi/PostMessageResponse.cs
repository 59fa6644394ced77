namespace PlanBot.Slack.WebApi;

/// <summary><c>chat.postMessage</c> / <c>chat.update</c>: where the message now is (<see cref="Channel"/> + <see cref="Ts"/>).</summary>
public sealed class PostMessageResponse : SlackResponse
{
    public string? Channel { get; set; }

    public string? Ts { get; set; }
}
