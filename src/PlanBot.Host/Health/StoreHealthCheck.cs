using Microsoft.Extensions.Diagnostics.HealthChecks;
using PlanBot.Conversations.Ports;

namespace PlanBot.Host.Health;

/// <summary>Ready when the store answers.</summary>
internal sealed class StoreHealthCheck(IConversationStore store) : IHealthCheck
{
    public const string Name = "store";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await store.IsReachableAsync(cancellationToken) ? HealthCheckResult.Healthy("store reachable") : HealthCheckResult.Unhealthy("store unreachable");
}
