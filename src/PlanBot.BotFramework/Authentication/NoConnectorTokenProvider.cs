namespace PlanBot.BotFramework.Authentication;

/// <summary>Stands in for the token provider while authentication is off (no <c>MicrosoftAppId</c>).</summary>
internal sealed class NoConnectorTokenProvider : IConnectorTokenProvider
{
    public Task<string> GetTokenAsync(CancellationToken cancellationToken) =>
        throw new InvalidOperationException("No MicrosoftAppId is configured, so there is no Connector token to send.");
}
