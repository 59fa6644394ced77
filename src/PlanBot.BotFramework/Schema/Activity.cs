using System.Text.Json;
using System.Text.Json.Serialization;

namespace PlanBot.BotFramework.Schema;

/// <summary>
/// An inbound Bot Framework activity: only the fields PlanBot reads are typed; everything else is
/// kept in <see cref="Extra"/> so new fields never break parsing (spec A2005).
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }

    public string? Id { get; set; }

    public string? ServiceUrl { get; set; }

    public string? ChannelId { get; set; }

    public ChannelAccount? From { get; set; }

    public ChannelAccount? Recipient { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public string? Text { get; set; }

    public string? ReplyToId { get; set; }

    public string? Name { get; set; }

    public string? Action { get; set; }

    public string? LocalTimezone { get; set; }

    public string? Locale { get; set; }

    public List<JsonElement>? Entities { get; set; }

    public JsonElement? ChannelData { get; set; }

    public JsonElement? Value { get; set; }

    public List<ChannelAccount>? MembersAdded { get; set; }

    public List<ChannelAccount>? MembersRemoved { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
