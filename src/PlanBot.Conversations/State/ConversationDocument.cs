using PlanBot.Conversations.Turns;

namespace PlanBot.Conversations.State;

/// <summary>
/// The small per-conversation pointer: which plan this conversation works on. It changes only when
/// the conversation switches plans. Its own <see cref="Session"/> serves turns that touch no plan.
/// </summary>
public sealed class ConversationDocument
{
    public required string Key { get; set; }

    public required string TenantId { get; set; }

    public required ConversationRef Reference { get; set; }

    public string? ActivePlanId { get; set; }

    public ConversationSession Session { get; set; } = new();
}
