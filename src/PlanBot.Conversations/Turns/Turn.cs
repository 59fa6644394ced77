using PlanBot.Domain.Answers;

namespace PlanBot.Conversations.Turns;

/// <summary>
/// One inbound event in channel-neutral form. <see cref="ActivityId"/> identifies it for
/// de-duplication; <see cref="Text"/> has the bot's own mention removed; <see cref="TimeZone"/> is
/// the sender's IANA zone when the channel tells it.
/// </summary>
public sealed record Turn(
    TurnKind Kind,
    string ActivityId,
    ConversationRef Conversation,
    PersonRef From,
    string Text,
    IReadOnlyList<Mention> Mentions,
    string? TimeZone = null,
    TurnAction? Action = null);
