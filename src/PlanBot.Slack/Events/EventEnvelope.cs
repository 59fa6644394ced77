using System.Text.Json;
using System.Text.Json.Serialization;

namespace PlanBot.Slack.Events;

/// <summary>
/// What the Events API posts: <c>url_verification</c> (with <see cref="Challenge"/>),
/// <c>event_callback</c> (with <see cref="Event"/>) or <c>app_rate_limited</c>. Unknown fields are kept.
/// </summary>
public sealed class EventEnvelope
{
    public string? Type { get; set; }

    public string? Challenge { get; set; }

    public string? TeamId { get; set; }

    public string? EnterpriseId { get; set; }

    public string? ApiAppId { get; set; }

    public string? EventId { get; set; }

    public long? EventTime { get; set; }

    public SlackEvent? Event { get; set; }

    public List<EventAuthorization>? Authorizations { get; set; }

    public bool? IsExtSharedChannel { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>The bot's own user id in this workspace, from the authorizations.</summary>
    [JsonIgnore]
    public string? BotUserId => Authorizations?.FirstOrDefault(a => a.IsBot)?.UserId ?? Authorizations?.FirstOrDefault()?.UserId;
}
