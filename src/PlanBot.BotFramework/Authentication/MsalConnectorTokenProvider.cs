using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace PlanBot.BotFramework.Authentication;

/// <summary>
/// Gets the Connector token with MSAL, for the identity <c>MicrosoftAppType</c> names (PROTOCOLS §3.5–3.6).
/// </summary>
/// <remarks>
/// Register as a singleton: the one MSAL application it holds keeps the token in its in-memory cache and hands
/// it out until shortly before expiry, so no cache of our own is needed.
/// </remarks>
public sealed class MsalConnectorTokenProvider : IConnectorTokenProvider
{
    private static readonly string[] ConnectorScopes = [BotFrameworkConstants.ConnectorScope];

    private readonly IConfidentialClientApplication? confidentialClient;
    private readonly IManagedIdentityApplication? managedIdentity;
    private readonly string appId;
    private readonly BotAppType appType;
    private readonly ILogger logger;

    /// <param name="options">Must pass <see cref="BotIdentityOptions.Validate"/>.</param>
    /// <param name="httpClientFactory">
    /// Where MSAL gets its <see cref="HttpClient"/>; null for MSAL's own. Hosts pass one backed by
    /// <c>IHttpClientFactory</c>; tests pass one that trusts their loopback token endpoint.
    /// </param>
    /// <param name="logger">Logger for token failures.</param>
    /// <exception cref="InvalidOperationException">The options are incomplete, or authentication is disabled.</exception>
    public MsalConnectorTokenProvider(
        IOptions<BotIdentityOptions> options,
        IMsalHttpClientFactory? httpClientFactory,
        ILogger<MsalConnectorTokenProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);

        var identity = options.Value;
        if (identity.IsAuthenticationDisabled)
        {
            throw new InvalidOperationException("No MicrosoftAppId is configured, so there is no identity to get a Connector token for.");
        }

        var errors = identity.Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The bot identity settings are invalid: " + string.Join(" ", errors));
        }

        appId = identity.MicrosoftAppId!.Trim();
        appType = identity.ResolveAppType()!.Value;
        this.logger = logger;

        if (appType == BotAppType.UserAssignedMsi)
        {
            var builder = ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(appId));
            if (httpClientFactory is not null)
            {
                builder = builder.WithHttpClientFactory(httpClientFactory);
            }

            managedIdentity = builder.Build();
        }
        else
        {
            var tenant = appType == BotAppType.SingleTenant
                ? identity.MicrosoftAppTenantId!.Trim()
                : BotFrameworkConstants.MultiTenantAuthorityTenant;
            var authority = $"{identity.AuthorityHost.TrimEnd('/')}/{Uri.EscapeDataString(tenant)}";
            var builder = ConfidentialClientApplicationBuilder.Create(appId)
                .WithClientSecret(identity.MicrosoftAppPassword)
                .WithAuthority(authority);
            if (!IsDefaultAuthorityHost(identity.AuthorityHost))
            {
                // Instance discovery asks the public cloud to vouch for the authority host, which fails for hosts it
                // does not know (and with no network at all); the host here comes from our own configuration.
                builder = builder.WithInstanceDiscovery(false);
            }

            if (httpClientFactory is not null)
            {
                builder = builder.WithHttpClientFactory(httpClientFactory);
            }

            confidentialClient = builder.Build();
        }
    }

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = managedIdentity is not null
                ? await managedIdentity
                    .AcquireTokenForManagedIdentity(BotFrameworkConstants.ConnectorResource)
                    .ExecuteAsync(cancellationToken)
                    
                : await confidentialClient!
                    .AcquireTokenForClient(ConnectorScopes)
                    .ExecuteAsync(cancellationToken)
                    ;

            logger.ConnectorTokenAcquired(appId, appType, result.AuthenticationResultMetadata.TokenSource);
            return result.AccessToken;
        }
        catch (MsalException failed)
        {
            logger.ConnectorTokenFailed(appId, appType, failed);
            throw;
        }
    }

    private static bool IsDefaultAuthorityHost(string authorityHost) =>
        Uri.TryCreate(authorityHost, UriKind.Absolute, out var host)
        && string.Equals(host.Host, new Uri(BotFrameworkConstants.DefaultAuthorityHost).Host, StringComparison.OrdinalIgnoreCase);
}
