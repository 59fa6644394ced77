using System.Net;
using Microsoft.Extensions.Logging;

namespace PlanBot.Storage.Cosmos;

/// <summary>Log messages of the Cosmos DB store. Event ids 41xx. Never logs document contents.</summary>
internal static partial class Log
{
    [LoggerMessage(4101, LogLevel.Warning, "Cosmos DB {Operation} failed with {Status}/{SubStatus}; reporting the store unavailable. Diagnostics: {Diagnostics}")]
    public static partial void RequestFailed(this ILogger logger, string operation, HttpStatusCode status, int subStatus, string diagnostics);

    [LoggerMessage(4102, LogLevel.Warning, "Cosmos DB {Operation} could not be sent; reporting the store unavailable")]
    public static partial void RequestNotSent(this ILogger logger, Exception exception, string operation);

    [LoggerMessage(4103, LogLevel.Debug, "The cached pointer of {Conversation} is stale; reading it again")]
    public static partial void PointerStale(this ILogger logger, string conversation);

    [LoggerMessage(4104, LogLevel.Debug, "Refreshed the time to live of the pointer of {Conversation}")]
    public static partial void PointerRefreshed(this ILogger logger, string conversation);

    [LoggerMessage(4105, LogLevel.Information, "Cosmos DB database {Database}: containers plans, conversations and tenants are ready")]
    public static partial void Initialized(this ILogger logger, string database);

    [LoggerMessage(4106, LogLevel.Warning, "Cosmos DB {Operation} took {ElapsedMs} ms. Diagnostics: {Diagnostics}")]
    public static partial void SlowRequest(this ILogger logger, string operation, long elapsedMs, string diagnostics);

    [LoggerMessage(4107, LogLevel.Information, "Cosmos DB container {Database}/plans: added {Paths} to its indexing policy; Cosmos re-indexes in the background")]
    public static partial void IndexPathsAdded(this ILogger logger, string database, string paths);

    [LoggerMessage(4108, LogLevel.Warning, "Cosmos DB container {Database}/plans does not index {Paths}; queries on them scan the container. Redeploy infra/ (or see docs/STORAGE.md) to add them")]
    public static partial void IndexPathsMissing(this ILogger logger, string database, string paths);
}
