using System.Text.Json;

namespace PlanBot.Slack.WebApi;

/// <summary><c>chat.postEphemeral</c>: a message only <see cref="User"/> sees, in <see cref="Channel"/>.</summary>
public sealed class PostEphemeralRequest
{
    public required string Channel { get; init; }

    public required string User { get; init; }

    public string? Text { get; init; }

    public JsonElement? Blocks { get; init; }

    public string? ThreadTs { get; init; }
}
