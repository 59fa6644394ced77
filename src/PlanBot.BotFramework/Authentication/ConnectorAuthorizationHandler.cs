using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PlanBot.BotFramework.Authentication;

/// <summary>
/// Adds the Connector token to requests bound for a trusted service URL and refuses to send any other request,
/// so the token can only ever reach the Connector the bot heard from.
/// </summary>
public sealed class ConnectorAuthorizationHandler : DelegatingHandler
{
    private readonly IConnectorTokenProvider tokenProvider;
    private readonly TrustedServiceUrls trustedServiceUrls;
    private readonly bool authenticationDisabled;
    private readonly ILogger logger;

    public ConnectorAuthorizationHandler(
        IConnectorTokenProvider tokenProvider,
        TrustedServiceUrls trustedServiceUrls,
        IOptions<BotIdentityOptions> identityOptions,
        ILogger<ConnectorAuthorizationHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(tokenProvider);
        ArgumentNullException.ThrowIfNull(trustedServiceUrls);
        ArgumentNullException.ThrowIfNull(identityOptions);
        ArgumentNullException.ThrowIfNull(logger);

        this.tokenProvider = tokenProvider;
        this.trustedServiceUrls = trustedServiceUrls;
        authenticationDisabled = identityOptions.Value.IsAuthenticationDisabled;
        this.logger = logger;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        if (authenticationDisabled)
        {
            // Emulator convention: no app id, no token; there is nothing to leak, so any service URL will do.
            request.Headers.Authorization = null;
            return await base.SendAsync(request, cancellationToken);
        }

        if (request.RequestUri is null || !trustedServiceUrls.IsTrusted(request.RequestUri))
        {
            logger.UntrustedServiceUrl(UntrustedServiceUrlException.Describe(request.RequestUri));
            throw request.RequestUri is null ? new UntrustedServiceUrlException() : new UntrustedServiceUrlException(request.RequestUri);
        }

        var token = await tokenProvider.GetTokenAsync(cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken);
    }
}
