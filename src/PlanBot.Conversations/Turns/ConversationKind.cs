namespace PlanBot.Conversations.Turns;

public enum ConversationKind
{
    Personal,
    Group,
    Channel,
}
