using System.Text.Json;
using System.Text.Json.Serialization;

namespace PlanBot.Slack.Events;

/// <summary>
/// The inner event: <c>app_mention</c>, <c>message</c>, <c>app_uninstalled</c>,
/// <c>tokens_revoked</c>, … <c>user</c> and <c>channel</c> are strings in message events but objects in
/// some others, so they are read as raw JSON.
/// </summary>
public sealed class SlackEvent
{
    public string? Type { get; set; }

    public string? Subtype { get; set; }

    [JsonPropertyName("user")]
    public JsonElement? UserValue { get; set; }

    public string? BotId { get; set; }

    public string? Text { get; set; }

    public string? Ts { get; set; }

    public string? ThreadTs { get; set; }

    [JsonPropertyName("channel")]
    public JsonElement? ChannelValue { get; set; }

    /// <summary><c>im</c>, <c>mpim</c>, <c>channel</c> or <c>group</c>; message events only.</summary>
    public string? ChannelType { get; set; }

    public string? EventTs { get; set; }

    /// <summary><c>app_home_opened</c>: which tab of the app the user opened, <c>home</c> or <c>messages</c>.</summary>
    public string? Tab { get; set; }

    public string? Team { get; set; }

    /// <summary>The sender's own workspace, which differs from the channel's in a Slack Connect channel.</summary>
    public string? UserTeam { get; set; }

    /// <summary><c>tokens_revoked</c>: the user ids whose <c>oauth</c> and <c>bot</c> tokens were revoked.</summary>
    public RevokedTokens? Tokens { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    [JsonIgnore]
    public string? User => UserValue is { ValueKind: JsonValueKind.String } user ? user.GetString() : null;

    [JsonIgnore]
    public string? Channel => ChannelValue is { ValueKind: JsonValueKind.String } channel ? channel.GetString() : null;
}
