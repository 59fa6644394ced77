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
    private readonly IConnectorTokenProvider _tokenProvider;
    private readonly TrustedServiceUrls _trustedServiceUrls;
    private readonly bool _authenticationDisabled;
    private readonly ILogger _logger;

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

        _tokenProvider = tokenProvider;
        _trustedServiceUrls = trustedServiceUrls;
        _authenticationDisabled = identityOptions.Value.IsAuthenticationDisabled;
        _logger = logger;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        if (_authenticationDisabled)
        {
            // Emulator convention: no app id, no token; there is nothing to leak, so any service URL will do.
            request.Headers.Authorization = null;
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (request.RequestUri is null || !_trustedServiceUrls.IsTrusted(request.RequestUri))
        {
            _logger.UntrustedServiceUrl(UntrustedServiceUrlException.Describe(request.RequestUri));
            throw request.RequestUri is null ? new UntrustedServiceUrlException() : new UntrustedServiceUrlException(request.RequestUri);
        }

        var token = await _tokenProvider.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
