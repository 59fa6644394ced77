using System.Text.Json;

namespace PlanBot.BotFramework.Schema;

/// <summary>The body of "create conversation": a proactive personal chat, or a new thread in a Teams channel.</summary>
public sealed class ConversationParameters
{
    public bool IsGroup { get; set; }

    public BotAccount? Bot { get; set; }

    public List<BotAccount>? Members { get; set; }

    public string? TenantId { get; set; }

    public OutboundActivity? Activity { get; set; }

    public JsonElement? ChannelData { get; set; }
}

/// <summary>An account in an outbound payload: just its id (and name when known).</summary>
public sealed class BotAccount
{
    public required string Id { get; set; }

    public string? Name { get; set; }
}
