using System.Text.Json;

namespace PlanBot.Slack.WebApi;

/// <summary><c>chat.update</c>: replaces the message <see cref="Ts"/> for everyone in <see cref="Channel"/>.</summary>
public sealed class UpdateMessageRequest
{
    public required string Channel { get; init; }

    public required string Ts { get; init; }

    public string? Text { get; init; }

    public JsonElement? Blocks { get; init; }
}
