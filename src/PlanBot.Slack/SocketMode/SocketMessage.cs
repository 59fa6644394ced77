using System.Text.Json;
using System.Text.Json.Serialization;

namespace PlanBot.Slack.SocketMode;

/// <summary>
/// A message on the Socket Mode WebSocket: <c>hello</c>, <c>disconnect</c> (with <see cref="Reason"/>), or an
/// envelope (<c>events_api</c>, <c>slash_commands</c>, <c>interactive</c>) to acknowledge by <see cref="EnvelopeId"/>.
/// </summary>
public sealed class SocketMessage
{
    public string? Type { get; set; }

    public string? EnvelopeId { get; set; }

    public JsonElement? Payload { get; set; }

    public bool AcceptsResponsePayload { get; set; }

    public int? RetryAttempt { get; set; }

    public string? RetryReason { get; set; }

    public string? Reason { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
