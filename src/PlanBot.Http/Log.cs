using Microsoft.Extensions.Logging;

namespace PlanBot.Http;

/// <summary>Log messages of the channels' HTTP layer. Event ids 5xxx. Never URLs with tokens, never bodies.</summary>
internal static partial class Log
{
    [LoggerMessage(5001, LogLevel.Warning, "{Channel} call failed ({Status}) on attempt {Attempt}; retrying in {DelayMs} ms ({Reason})")]
    public static partial void Retrying(this ILogger logger, string channel, int? status, int attempt, double delayMs, string reason);
}
