namespace PlanBot.BotFramework.Authentication;

/// <summary>Which validation path accepted a token, chosen by its issuer.</summary>
public enum TokenOrigin
{
    /// <summary>Issued by <c>https://api.botframework.com</c>: serviceurl and endorsements were checked.</summary>
    BotConnector,

    /// <summary>Issued by Entra (Bot Framework Emulator or Entra-issued channel tokens): appid/azp were checked.</summary>
    Entra,
}
