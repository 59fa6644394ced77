using Microsoft.Extensions.Logging;

namespace PlanBot.BotFramework;

/// <summary>Log messages of the Bot Framework layer. Event ids 2xxx. Payloads only at Trace; never tokens.</summary>
internal static partial class Log
{
    [LoggerMessage(2002, LogLevel.Information, "Refused an activity: {Reason}")]
    public static partial void ActivityRefused(this ILogger logger, string reason);

    [LoggerMessage(2003, LogLevel.Debug, "Ignored a {Type} activity")]
    public static partial void ActivityIgnored(this ILogger logger, string type);

    [LoggerMessage(2004, LogLevel.Trace, "Inbound activity: {Payload}")]
    public static partial void InboundPayload(this ILogger logger, string payload);
}
