using PlanBot.Domain.Answers;

namespace PlanBot.Conversations.Turns;

/// <summary>
/// One inbound event in channel-neutral form. <see cref="ActivityId"/> identifies it for
/// de-duplication; <see cref="Text"/> has the bot's own mention removed; <see cref="TimeZone"/> is
/// the sender's IANA zone when the channel tells it. <see cref="FromOutside"/> marks someone of another
/// organisation in a shared channel (Slack Connect), who may read and answer what was assigned to them only.
/// <see cref="ReplacesCard"/> says the channel shows the turn's answer in place of the card or form that
/// was pressed (a Teams <c>Action.Execute</c>, a Slack modal's submission), so it is not sent again as a message.
/// </summary>
public sealed record Turn(
    TurnKind Kind,
    string ActivityId,
    ConversationRef Conversation,
    PersonRef From,
    string Text,
    IReadOnlyList<Mention> Mentions,
    string? TimeZone = null,
    TurnAction? Action = null,
    bool FromOutside = false,
    bool ReplacesCard = false);
