using System.Text.Json;

namespace PlanBot.BotFramework.Schema;

/// <summary>
/// A message PlanBot sends. Built explicitly, never echoed from an inbound activity, so nothing the
/// channel assigns (id, timestamp, serviceUrl) is sent back.
/// </summary>
public sealed class OutboundActivity
{
    public string Type { get; set; } = "message";

    public string? Text { get; set; }

    public string? TextFormat { get; set; }

    public string? Summary { get; set; }

    public string? ReplyToId { get; set; }

    public List<OutboundAttachment>? Attachments { get; set; }

    public List<JsonElement>? Entities { get; set; }

    public JsonElement? ChannelData { get; set; }
}

public sealed class OutboundAttachment
{
    public required string ContentType { get; set; }

    public required JsonElement Content { get; set; }
}
