using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace PlanBot.BotFramework.Authentication;

/// <summary>
/// Authenticates requests posted to the bot's messaging endpoint (PROTOCOLS §3.1–3.4): Bot Connector tokens,
/// and Emulator/Entra tokens told apart by their issuer.
/// </summary>
public sealed class BotFrameworkAuthenticator : IDisposable
{
    private static readonly string[] AllowedAlgorithms = [SecurityAlgorithms.RsaSha256];

    private readonly BotAuthenticationOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly HttpClient metadataClient;
    private readonly OpenIdMetadataCache botConnectorMetadata;
    private readonly OpenIdMetadataCache entraMetadata;
    private readonly IReadOnlyList<string> entraIssuers;
    private readonly JsonWebTokenHandler tokenHandler = new();

    public BotFrameworkAuthenticator(
        IOptions<BotAuthenticationOptions> options,
        TimeProvider time,
        ILogger<BotFrameworkAuthenticator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);

        this.options = options.Value;
        this.time = time;
        this.logger = logger;
        entraIssuers = TrustedIssuers.ForEntra(this.options.MicrosoftAppTenantId);

        // Owned rather than taken from IHttpClientFactory: this singleton keeps it for the process lifetime, and a
        // bounded connection lifetime keeps DNS changes of the metadata hosts visible.
        metadataClient = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(15) })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        var retriever = new HttpDocumentRetriever(metadataClient) { RequireHttps = this.options.RequireHttpsMetadata };
        botConnectorMetadata = new OpenIdMetadataCache(this.options.BotFrameworkOpenIdMetadataUrl, retriever, time, logger);
        entraMetadata = new OpenIdMetadataCache(this.options.EntraOpenIdMetadataUrl, retriever, time, logger);
    }

    /// <summary>
    /// Decides whether the activity posted with <paramref name="authorizationHeader"/> may be processed.
    /// </summary>
    /// <param name="authorizationHeader">The request's <c>Authorization</c> header; null or empty when absent.</param>
    /// <param name="channelId">The activity's <c>channelId</c>; checked against the signing key's endorsements.</param>
    /// <param name="serviceUrl">The activity's <c>serviceUrl</c>; must equal the token's <c>serviceurl</c> claim.</param>
    public async Task<AuthenticationResult> AuthenticateAsync(
        string? authorizationHeader,
        string channelId,
        string serviceUrl,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        ArgumentNullException.ThrowIfNull(serviceUrl);

        if (options.IsAuthenticationDisabled)
        {
            // The Bot Framework SDKs would still try a header sent in this mode, but with no app id there is no
            // audience to check it against; since a request without a header is accepted anyway, refusing one
            // with a header would protect nothing.
            logger.AuthenticationDisabled();
            return AuthenticationResult.Anonymous();
        }

        // ASP.NET Core hands an absent header over as an empty string.
        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return Refuse(AuthenticationResult.Unauthorized("no Authorization header"));
        }

        if (!BearerToken.TryParse(authorizationHeader, out var rawToken))
        {
            return Refuse(AuthenticationResult.Unauthorized("Authorization header is not a bearer token"));
        }

        JsonWebToken token;
        try
        {
            token = tokenHandler.ReadJsonWebToken(rawToken);
        }
        catch (ArgumentException)
        {
            // SecurityTokenMalformedException is an ArgumentException too.
            return Refuse(AuthenticationResult.Unauthorized("token is malformed"));
        }

        if (!string.Equals(token.Alg, SecurityAlgorithms.RsaSha256, StringComparison.Ordinal))
        {
            // Also turns away "alg":"none" before any metadata is fetched for it.
            return Refuse(AuthenticationResult.Unauthorized("signing algorithm is not RS256"));
        }

        TokenOrigin origin;
        if (string.Equals(token.Issuer, BotFrameworkConstants.BotConnectorIssuer, StringComparison.Ordinal))
        {
            origin = TokenOrigin.BotConnector;
        }
        else if (entraIssuers.Contains(token.Issuer, StringComparer.Ordinal))
        {
            origin = TokenOrigin.Entra;
        }
        else
        {
            return Refuse(AuthenticationResult.Unauthorized("issuer is not trusted"));
        }

        var result = await ValidateAsync(token, origin, channelId, serviceUrl, cancellationToken);
        if (result.IsAuthenticated)
        {
            logger.RequestAuthenticated(origin, result.CallerAppId);
            return result;
        }

        return Refuse(result, origin);
    }

    public void Dispose()
    {
        botConnectorMetadata.Dispose();
        entraMetadata.Dispose();
        metadataClient.Dispose();
    }

    private async Task<AuthenticationResult> ValidateAsync(
        JsonWebToken token,
        TokenOrigin origin,
        string channelId,
        string serviceUrl,
        CancellationToken cancellationToken)
    {
        var metadata = origin == TokenOrigin.BotConnector ? botConnectorMetadata : entraMetadata;
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await metadata.GetAsync(cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            logger.MetadataUnavailable(origin, failure);
            return AuthenticationResult.Unauthorized("signing keys could not be loaded");
        }

        var keyId = token.Kid;
        if (!string.IsNullOrEmpty(keyId) && !HasKey(configuration, keyId))
        {
            // Keys rotate: one fresh look before refusing.
            logger.UnknownSigningKey(keyId, origin);
            configuration = await metadata.RefreshAsync(configuration, cancellationToken);
            if (!HasKey(configuration, keyId))
            {
                return AuthenticationResult.Unauthorized("no signing key matches the token's kid");
            }
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuers = origin == TokenOrigin.BotConnector ? [BotFrameworkConstants.BotConnectorIssuer] : entraIssuers,
            ValidAudience = options.MicrosoftAppId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = AllowedAlgorithms,
            RequireSignedTokens = true,
            RequireAudience = true,
            // Checked below against the injected clock, which IdentityModel cannot use.
            ValidateLifetime = false,
        };

        var validation = await tokenHandler.ValidateTokenAsync(token, parameters);
        if (!validation.IsValid)
        {
            return AuthenticationResult.Unauthorized(TokenFailureReason.Describe(validation.Exception));
        }

        var lifetimeProblem = CheckLifetime(token);
        if (lifetimeProblem is not null)
        {
            return AuthenticationResult.Unauthorized(lifetimeProblem);
        }

        return origin == TokenOrigin.BotConnector
            ? CheckBotConnectorClaims(token, validation, configuration, channelId, serviceUrl)
            : CheckEntraClaims(token, validation);
    }

    private string? CheckLifetime(JsonWebToken token)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var skew = BotFrameworkConstants.ClockSkew;
        if (!token.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Exp, out _))
        {
            return "token has no expiry";
        }

        if (now > token.ValidTo + skew)
        {
            return "token has expired";
        }

        if (token.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Nbf, out _) && now + skew < token.ValidFrom)
        {
            return "token is not valid yet";
        }

        return null;
    }

    private static AuthenticationResult CheckBotConnectorClaims(
        JsonWebToken token,
        TokenValidationResult validation,
        OpenIdConnectConfiguration configuration,
        string channelId,
        string serviceUrl)
    {
        // Same order as the SDK: the endorsement verdict (403) wins over a serviceUrl mismatch (401).
        var keyId = !string.IsNullOrEmpty(token.Kid) ? token.Kid : validation.SecurityToken?.SigningKey?.KeyId;
        var endorsements = string.IsNullOrEmpty(keyId) ? null : SigningKeyEndorsements.Find(configuration, keyId);
        if (endorsements is not null && !SigningKeyEndorsements.Endorses(endorsements, channelId))
        {
            return AuthenticationResult.Forbidden("signing key is not endorsed for the activity's channel");
        }

        if (!token.TryGetPayloadValue<string>(BotFrameworkConstants.ServiceUrlClaim, out var claimedServiceUrl)
            || string.IsNullOrEmpty(claimedServiceUrl))
        {
            return AuthenticationResult.Unauthorized("token has no serviceurl claim");
        }

        if (!string.Equals(claimedServiceUrl, serviceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticationResult.Unauthorized("serviceurl claim does not match the activity's serviceUrl");
        }

        return AuthenticationResult.Authenticated(validation.ClaimsIdentity, CallerAppIdOf(token), TokenOrigin.BotConnector);
    }

    private AuthenticationResult CheckEntraClaims(JsonWebToken token, TokenValidationResult validation)
    {
        if (!token.TryGetPayloadValue<string>("ver", out var version) || string.IsNullOrEmpty(version))
        {
            return AuthenticationResult.Unauthorized("token has no ver claim");
        }

        var appIdClaim = version switch
        {
            "1.0" => "appid",
            "2.0" => "azp",
            _ => null,
        };
        if (appIdClaim is null)
        {
            return AuthenticationResult.Unauthorized("token version is not 1.0 or 2.0");
        }

        // The audience says the token is for this bot; appid/azp says this bot asked for it. Together they mean
        // only the holder of the bot's own credentials can mint such a token.
        if (!token.TryGetPayloadValue<string>(appIdClaim, out var callerAppId)
            || !string.Equals(callerAppId, options.MicrosoftAppId, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticationResult.Unauthorized($"{appIdClaim} claim is missing or is not this bot's app id");
        }

        return AuthenticationResult.Authenticated(validation.ClaimsIdentity, callerAppId, TokenOrigin.Entra);
    }

    private static string? CallerAppIdOf(JsonWebToken token) =>
        token.TryGetPayloadValue<string>("azp", out var azp) && !string.IsNullOrEmpty(azp) ? azp
        : token.TryGetPayloadValue<string>("appid", out var appId) && !string.IsNullOrEmpty(appId) ? appId
        : null;

    private static bool HasKey(OpenIdConnectConfiguration configuration, string keyId) =>
        configuration.SigningKeys.Any(k => string.Equals(k.KeyId, keyId, StringComparison.Ordinal));

    private AuthenticationResult Refuse(AuthenticationResult result, TokenOrigin? origin = null)
    {
        logger.RequestRefused(result.StatusCode ?? 401, result.FailureReason ?? "unknown", origin);
        return result;
    }
}
