namespace PlanBot.Conversations.Turns;

/// <summary>
/// Where a conversation lives: enough to find its state and to send into it later. <see cref="TenantId"/>
/// is qualified by channel (<c>msteams:&lt;tenant guid&gt;</c>, <c>slack:T…</c>) so tenants of different
/// channels never meet.
/// </summary>
public sealed record ConversationRef(
    string Channel,
    string TenantId,
    string ConversationId,
    ConversationKind Kind,
    string? ServiceUrl = null,
    string? TeamId = null,
    string? BotId = null)
{
    /// <summary>
    /// The key conversation state is stored under. It includes the tenant, so the same conversation id
    /// arriving under another tenant reaches nothing of the first.
    /// </summary>
    public string Key => $"{Channel}|{TenantId}|{ConversationId}";
}
