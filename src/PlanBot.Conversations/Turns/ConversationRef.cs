namespace PlanBot.Conversations.Turns;

/// <summary>
/// Where a conversation lives: enough to find its state and to send into it later. <see cref="TenantId"/>
/// is qualified by channel (<c>msteams:&lt;tenant guid&gt;</c>, <c>slack:T…</c>) so tenants of different
/// channels never meet. <see cref="ConversationId"/> is the id the channel addresses, a thread's
/// included; <see cref="Thread"/> says which channel a thread is in, as the adapter set it.
/// </summary>
public sealed record ConversationRef(
    string Channel,
    string TenantId,
    string ConversationId,
    ConversationKind Kind,
    string? ServiceUrl = null,
    string? TeamId = null,
    string? BotId = null,
    ConversationThread? Thread = null)
{
    /// <summary>The channel a thread is in; the conversation itself when it is not a thread.</summary>
    public ConversationRef WithoutThread() =>
        Thread is { } thread ? this with { ConversationId = thread.ChannelConversationId, Thread = null } : this;

    /// <summary>
    /// The key conversation state is stored under. It includes the tenant, so the same conversation id
    /// arriving under another tenant reaches nothing of the first.
    /// </summary>
    public string Key => $"{Channel}|{TenantId}|{ConversationId}";
}
