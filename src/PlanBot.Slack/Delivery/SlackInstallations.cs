using System.Collections.Concurrent;

namespace PlanBot.Slack.Delivery;

/// <summary>
/// Tenants whose app was uninstalled or whose bot token was revoked while this host runs. Nothing is
/// posted there any more: the token no longer works, and a new install brings a new token, which
/// means new configuration and a restart. The engine also records the removal in the tenant's
/// settings, so release channels there go stale for every host.
/// </summary>
public sealed class SlackInstallations
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> removed = new(StringComparer.Ordinal);

    public void MarkRemoved(string tenantId, DateTimeOffset at) => removed.TryAdd(tenantId, at);

    public bool IsRemoved(string tenantId) => removed.ContainsKey(tenantId);
}
