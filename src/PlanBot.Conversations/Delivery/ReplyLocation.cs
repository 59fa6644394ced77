using PlanBot.Conversations.Turns;

namespace PlanBot.Conversations.Delivery;

/// <summary>Which stored session holds an owed reply: a plan's (by id) or the conversation pointer's.</summary>
public sealed record ReplyLocation(ConversationRef Conversation, string? PlanId);
