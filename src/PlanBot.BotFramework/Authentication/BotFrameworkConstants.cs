namespace PlanBot.BotFramework.Authentication;

/// <summary>Fixed values of the Bot Framework authentication protocol (PROTOCOLS §0, §3).</summary>
public static class BotFrameworkConstants
{
    /// <summary>Issuer of tokens the Bot Connector sends to the bot; compared exactly, so a trailing slash is another issuer.</summary>
    public const string BotConnectorIssuer = "https://api.botframework.com";

    /// <summary>Claim carrying the serviceUrl the Connector vouches for (lower-case claim type).</summary>
    public const string ServiceUrlClaim = "serviceurl";

    /// <summary>Scope of the client-credentials token the bot sends to the Connector.</summary>
    public const string ConnectorScope = "https://api.botframework.com/.default";

    /// <summary>Managed identities ask for a resource, not a scope.</summary>
    public const string ConnectorResource = "https://api.botframework.com";

    /// <summary>Tenant of the authority multi-tenant bots get their Connector token from.</summary>
    public const string MultiTenantAuthorityTenant = "botframework.com";

    public const string DefaultAuthorityHost = "https://login.microsoftonline.com";

    public const string DefaultBotFrameworkOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    public const string DefaultEntraOpenIdMetadataUrl = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>Clock skew the Bot Framework SDKs allow on nbf/exp.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
}
