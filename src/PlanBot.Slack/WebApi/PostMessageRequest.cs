using System.Text.Json;

namespace PlanBot.Slack.WebApi;

/// <summary><c>chat.postMessage</c>. <see cref="Text"/> is the notification and fallback; <see cref="Blocks"/> the Block Kit array.</summary>
public sealed class PostMessageRequest
{
    public required string Channel { get; init; }

    public string? Text { get; init; }

    public JsonElement? Blocks { get; init; }

    public string? ThreadTs { get; init; }

    public bool UnfurlLinks { get; init; }

    public bool UnfurlMedia { get; init; }
}
