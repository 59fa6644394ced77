using PlanBot.Conversations.Turns;

namespace PlanBot.Cards.AdaptiveCards;

/// <summary>
/// Where a card is shown. It only changes hints: in a group chat or a channel, a typed reply
/// reaches the bot only when it @mentions <see cref="BotName"/>.
/// </summary>
public sealed record CardAudience(ConversationKind Conversation = ConversationKind.Personal, string BotName = "PlanBot")
{
    public static CardAudience Personal { get; } = new();

    public bool NeedsMention => Conversation != ConversationKind.Personal;
}
