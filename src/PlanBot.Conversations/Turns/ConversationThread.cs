namespace PlanBot.Conversations.Turns;

/// <summary>
/// A thread inside a channel, as the channel adapter that made the conversation id knows it: the
/// channel's own conversation id and the thread's id there (a Teams post's message id, a Slack
/// message's <c>ts</c>).
/// </summary>
public sealed record ConversationThread(string ChannelConversationId, string Id);
