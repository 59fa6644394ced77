namespace PlanBot.BotFramework.Authentication;

/// <summary>Gets the bearer token the bot sends to the Bot Connector.</summary>
public interface IConnectorTokenProvider
{
    /// <summary>A valid access token; implementations cache it until shortly before it expires.</summary>
    Task<string> GetTokenAsync(CancellationToken cancellationToken);
}
