namespace PlanBot.Conversations.Turns;

public enum TurnKind
{
    /// <summary>Someone wrote to the bot.</summary>
    Message,

    /// <summary>Someone pressed a button or submitted a card.</summary>
    Action,

    /// <summary>The bot was added to this conversation (welcome and remember it).</summary>
    Installed,

    /// <summary>The app was installed ("add") or removed ("remove") here; the text says which.</summary>
    InstallationChanged,
}
