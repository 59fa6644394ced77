namespace PlanBot.Conversations.Turns;

public enum TurnKind
{
    /// <summary>Someone wrote to the bot.</summary>
    Message,

    /// <summary>Someone pressed a button or submitted a card.</summary>
    Action,

    /// <summary>The bot was added to this conversation (welcome and remember it).</summary>
    Installed,

    /// <summary>The app was installed here (remember it, without a welcome: one follows when the bot joins).</summary>
    AppInstalled,

    /// <summary>The bot was removed from this conversation, or the app uninstalled.</summary>
    Removed,
}
