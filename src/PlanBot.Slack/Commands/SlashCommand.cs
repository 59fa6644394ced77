using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.WebUtilities;

namespace PlanBot.Slack.Commands;

/// <summary>
/// A slash command invocation: a form over HTTP, a JSON object in Socket Mode, with the same
/// fields. <c>token</c> (the deprecated verification token) is not read: requests are signed.
/// </summary>
public sealed class SlashCommand
{
    public string? Command { get; set; }

    public string? Text { get; set; }

    public string? TeamId { get; set; }

    public string? TeamDomain { get; set; }

    public string? EnterpriseId { get; set; }

    public string? ChannelId { get; set; }

    public string? ChannelName { get; set; }

    public string? UserId { get; set; }

    public string? UserName { get; set; }

    public string? ApiAppId { get; set; }

    public string? ResponseUrl { get; set; }

    public string? TriggerId { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>Decodes an <c>application/x-www-form-urlencoded</c> body (<c>+</c> is a space).</summary>
    public static SlashCommand FromForm(string body)
    {
        var form = QueryHelpers.ParseQuery(body);
        string? Read(string key) => form.TryGetValue(key, out var value) ? value.ToString() : null;
        return new SlashCommand
        {
            Command = Read("command"),
            Text = Read("text"),
            TeamId = Read("team_id"),
            TeamDomain = Read("team_domain"),
            EnterpriseId = Read("enterprise_id"),
            ChannelId = Read("channel_id"),
            ChannelName = Read("channel_name"),
            UserId = Read("user_id"),
            UserName = Read("user_name"),
            ApiAppId = Read("api_app_id"),
            ResponseUrl = Read("response_url"),
            TriggerId = Read("trigger_id"),
        };
    }
}
