using Microsoft.Extensions.Logging;
using TokenSource = Microsoft.Identity.Client.TokenSource;

namespace PlanBot.BotFramework.Authentication;

/// <summary>
/// Log messages of the authentication component, event ids 1100–1199. Nothing here takes a token, a secret or a
/// claim value other than app ids, key ids and service URLs, which are public.
/// </summary>
internal static partial class AuthenticationLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Debug,
        Message = "Authentication is disabled (no MicrosoftAppId): request accepted anonymously")]
    public static partial void AuthenticationDisabled(this ILogger logger);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug,
        Message = "Request authenticated by a {Origin} token; caller app id {CallerAppId}")]
    public static partial void RequestAuthenticated(this ILogger logger, TokenOrigin origin, string? callerAppId);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning,
        Message = "Request refused with {StatusCode}: {Reason} (token path {Origin})")]
    public static partial void RequestRefused(this ILogger logger, int statusCode, string reason, TokenOrigin? origin);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information,
        Message = "Signing key {KeyId} is not in the cached {Origin} metadata; refreshing it")]
    public static partial void UnknownSigningKey(this ILogger logger, string keyId, TokenOrigin origin);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Error,
        Message = "The {Origin} OpenID metadata could not be loaded; refusing the request")]
    public static partial void MetadataUnavailable(this ILogger logger, TokenOrigin origin, Exception exception);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Information,
        Message = "Loaded OpenID metadata from {Address} with {KeyCount} signing keys")]
    public static partial void MetadataLoaded(this ILogger logger, string address, int keyCount);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Warning,
        Message = "Refreshing OpenID metadata from {Address} failed; the cached signing keys stay in use")]
    public static partial void MetadataRefreshFailed(this ILogger logger, string address, Exception exception);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Debug,
        Message = "Forced refresh of OpenID metadata from {Address}")]
    public static partial void MetadataRefreshForced(this ILogger logger, string address);

    [LoggerMessage(EventId = 1108, Level = LogLevel.Information,
        Message = "Forced refresh of OpenID metadata from {Address} skipped: the last one was less than a minute ago")]
    public static partial void MetadataRefreshThrottled(this ILogger logger, string address);

    [LoggerMessage(EventId = 1120, Level = LogLevel.Debug,
        Message = "Service URL {ServiceUrl} is now trusted to receive the Connector token")]
    public static partial void ServiceUrlTrusted(this ILogger logger, ServiceUrlPrefix serviceUrl);

    [LoggerMessage(EventId = 1121, Level = LogLevel.Warning,
        Message = "Refused to send the Connector token to untrusted {Target}; the request was not sent")]
    public static partial void UntrustedServiceUrl(this ILogger logger, string target);

    [LoggerMessage(EventId = 1130, Level = LogLevel.Debug,
        Message = "Connector token for app {AppId} ({AppType}) came from {Source}")]
    public static partial void ConnectorTokenAcquired(this ILogger logger, string appId, BotAppType appType, TokenSource source);

    [LoggerMessage(EventId = 1131, Level = LogLevel.Error,
        Message = "Getting a Connector token for app {AppId} ({AppType}) failed")]
    public static partial void ConnectorTokenFailed(this ILogger logger, string appId, BotAppType appType, Exception exception);
}
