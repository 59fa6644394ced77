namespace PlanBot.BotFramework.Authentication;

/// <summary>The kinds of Azure Bot identity, as named by the <c>MicrosoftAppType</c> setting.</summary>
public enum BotAppType
{
    MultiTenant,
    SingleTenant,

    /// <summary>Spelled <c>UserAssignedMSI</c> in configuration; parsing ignores case.</summary>
    UserAssignedMsi,
}
