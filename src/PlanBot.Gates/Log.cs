using Microsoft.Extensions.Logging;

namespace PlanBot.Gates;

/// <summary>
/// Log messages of the gates. Event ids 6xxx: 60xx Azure Pipelines, 61xx GitHub. Never logs a gate
/// key, an Azure job access token, a GitHub token or key, or a webhook signature.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(6001, LogLevel.Information, "Azure Pipelines asked about {Product} {Version} in {Tenant}: {State}")]
    public static partial void AzureAsked(this ILogger logger, string product, string version, string tenant, string state);

    [LoggerMessage(6002, LogLevel.Warning, "Refused a gate request for {Product} {Version}: {Reason}")]
    public static partial void GateRefused(this ILogger logger, string product, string version, string reason);

    [LoggerMessage(6005, LogLevel.Information, "A pipeline reported {Stage} for {Product} {Version} in {Tenant}: it {Outcome}")]
    public static partial void DeploymentEventTaken(this ILogger logger, string product, string version, string tenant, string stage, string outcome);

    [LoggerMessage(6003, LogLevel.Warning, "Azure Pipelines answered the task event of plan {PlanId} with HTTP {Status}")]
    public static partial void TaskEventRefused(this ILogger logger, string planId, int status);

    [LoggerMessage(6004, LogLevel.Error, "A round of the gate sender failed; the next one runs after the scan interval")]
    public static partial void GateRoundFailed(this ILogger logger, Exception exception);

    [LoggerMessage(6101, LogLevel.Information, "GitHub delivery {Delivery}: {Event} ({Action})")]
    public static partial void GitHubDelivery(this ILogger logger, string delivery, string @event, string action);

    [LoggerMessage(6102, LogLevel.Warning, "Refused a GitHub delivery {Delivery}: {Reason}")]
    public static partial void GitHubRefused(this ILogger logger, string delivery, string reason);

    [LoggerMessage(6103, LogLevel.Information, "GitHub asked about {Repository} {Environment} (run {Run}): {State}")]
    public static partial void GitHubAsked(this ILogger logger, string repository, string environment, string? run, string state);

    [LoggerMessage(6104, LogLevel.Warning, "GitHub answered a review of {Repository} run {Run} with HTTP {Status}")]
    public static partial void GitHubReviewRefused(this ILogger logger, string repository, string? run, int status);

    [LoggerMessage(6105, LogLevel.Debug, "Got an installation token for installation {Installation}, valid until {Expires}")]
    public static partial void InstallationToken(this ILogger logger, long installation, DateTimeOffset expires);

    [LoggerMessage(6106, LogLevel.Warning, "Could not get an installation token for installation {Installation}: HTTP {Status}")]
    public static partial void InstallationTokenRefused(this ILogger logger, long installation, int status);

    [LoggerMessage(6107, LogLevel.Error, "Could not reject a deployment of {Repository} that no plan covers; the delivery is answered 502 so it can be redelivered")]
    public static partial void InlineRejectionFailed(this ILogger logger, string repository);
}
