namespace PlanBot.Conversations.State;

/// <summary>An inbound activity id this conversation already processed, kept for a day to drop redeliveries.</summary>
public sealed record ConsumedActivity(string Id, DateTimeOffset At);
