using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.State;

/// <summary>The stored unit of consistency: the plan and the sessions of every conversation working on it.</summary>
public sealed class PlanDocument
{
    public required Plan Plan { get; set; }

    public Dictionary<string, ConversationSession> Sessions { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Messages posted about this plan elsewhere, by purpose (such as "approval"), to update in place.</summary>
    public Dictionary<string, ChannelPost> Posts { get; set; } = new(StringComparer.Ordinal);
}
