using Microsoft.Extensions.Logging;

namespace PlanBot.Slack;

/// <summary>
/// Log messages of the Slack layer. Event ids 3xxx: 30xx Web API, 31xx inbound requests and turns,
/// 32xx Socket Mode. Payloads only at Trace; never tokens, secrets or signatures.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(3002, LogLevel.Information, "Slack {Method} refused: {Error}")]
    public static partial void WebApiRefused(this ILogger logger, string method, string error);

    [LoggerMessage(3003, LogLevel.Debug, "Slack {Method} warned: {Warning}")]
    public static partial void WebApiWarning(this ILogger logger, string method, string warning);

    [LoggerMessage(3101, LogLevel.Information, "Refused a Slack request to {Endpoint}: {Reason}")]
    public static partial void RequestRefused(this ILogger logger, string endpoint, string reason);

    [LoggerMessage(3102, LogLevel.Debug, "Ignored a Slack {Type} event ({Subtype})")]
    public static partial void EventIgnored(this ILogger logger, string type, string? subtype);

    [LoggerMessage(3103, LogLevel.Debug, "Slack event {EventId} was already taken in (retry {Retry}); acknowledged, not run again")]
    public static partial void DuplicateEvent(this ILogger logger, string eventId, string? retry);

    [LoggerMessage(3104, LogLevel.Warning, "The Slack work queue is full; refused a {Kind}")]
    public static partial void QueueFull(this ILogger logger, string kind);

    [LoggerMessage(3105, LogLevel.Error, "Slack turn {ActivityId} failed")]
    public static partial void TurnFailed(this ILogger logger, Exception exception, string activityId);

    [LoggerMessage(3106, LogLevel.Warning, "Slack {Event} for {Tenant}: PlanBot stops posting there until it is installed again and restarted")]
    public static partial void AppRemoved(this ILogger logger, string @event, string tenant);

    [LoggerMessage(3107, LogLevel.Warning, "Could not open the {Modal} modal")]
    public static partial void ModalFailed(this ILogger logger, Exception exception, string modal);

    [LoggerMessage(3108, LogLevel.Information, "Could not look up Slack {What} {Id}; going on without it")]
    public static partial void LookupFailed(this ILogger logger, Exception exception, string what, string id);

    [LoggerMessage(3109, LogLevel.Trace, "Inbound Slack payload: {Payload}")]
    public static partial void InboundPayload(this ILogger logger, string payload);

    [LoggerMessage(3110, LogLevel.Debug, "Ignored a Slack {Type} interaction ({Detail})")]
    public static partial void InteractionIgnored(this ILogger logger, string type, string? detail);

    [LoggerMessage(3111, LogLevel.Warning, "Could not show the answer to a Slack button in {Channel}")]
    public static partial void ActionAnswerFailed(this ILogger logger, Exception exception, string channel);

    [LoggerMessage(3112, LogLevel.Information, "Not posting to {Tenant}: the Slack app was removed there")]
    public static partial void PostRefusedRemoved(this ILogger logger, string tenant);

    [LoggerMessage(3113, LogLevel.Warning, "Slack rate-limits this app's events for {Team}")]
    public static partial void AppRateLimited(this ILogger logger, string? team);

    [LoggerMessage(3114, LogLevel.Information, "A section modal's answer came after {WaitMs} ms, too late for Slack: the modal closed and the answer is shown in the conversation")]
    public static partial void ModalAnswerLate(this ILogger logger, double waitMs);

    [LoggerMessage(3115, LogLevel.Debug, "Did not open section {Section}'s modal after the slash command: {Reason}")]
    public static partial void SectionModalSkipped(this ILogger logger, int section, string reason);

    [LoggerMessage(3201, LogLevel.Information, "Socket Mode connected")]
    public static partial void SocketConnected(this ILogger logger);

    [LoggerMessage(3202, LogLevel.Information, "Socket Mode: Slack asks to reconnect ({Reason})")]
    public static partial void SocketDisconnect(this ILogger logger, string? reason);

    [LoggerMessage(3203, LogLevel.Warning, "Socket Mode connection failed; reconnecting in {DelayMs} ms")]
    public static partial void SocketFailed(this ILogger logger, Exception exception, double delayMs);

    [LoggerMessage(3204, LogLevel.Debug, "Socket Mode {Type} envelope {EnvelopeId}")]
    public static partial void SocketEnvelope(this ILogger logger, string? type, string envelopeId);

    [LoggerMessage(3205, LogLevel.Warning, "Socket Mode: could not read a message ({Reason})")]
    public static partial void SocketUnreadable(this ILogger logger, string reason);

    [LoggerMessage(3206, LogLevel.Information, "Socket Mode closed by Slack; reconnecting")]
    public static partial void SocketClosed(this ILogger logger);

    [LoggerMessage(3207, LogLevel.Information, "Slack {Method} answered {Error}; the person or the channel's members stay unknown")]
    public static partial void PeopleLookupFailed(this ILogger logger, string method, string error);

    [LoggerMessage(3208, LogLevel.Information, "Socket Mode: envelope {EnvelopeId} was not acknowledged, the connection went first; Slack sends it again")]
    public static partial void SocketAckLost(this ILogger logger, string envelopeId);
}
