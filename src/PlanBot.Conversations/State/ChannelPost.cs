using PlanBot.Conversations.Turns;

namespace PlanBot.Conversations.State;

/// <summary>A message PlanBot posted and may update later (the approval card in the release channel).</summary>
public sealed record ChannelPost(ConversationRef Thread, string ActivityId, DateTimeOffset At);
