using System.Text.Json;
using System.Text.Json.Serialization;

namespace PlanBot.Slack.WebApi;

/// <summary>Every Web API answer: <c>ok</c>, and on failure Slack's <c>error</c> code (HTTP 200 all the same).</summary>
public class SlackResponse
{
    public bool Ok { get; set; }

    public string? Error { get; set; }

    public string? Warning { get; set; }

    public ResponseMetadata? ResponseMetadata { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
