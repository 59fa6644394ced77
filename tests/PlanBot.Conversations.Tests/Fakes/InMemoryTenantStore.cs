using System.Globalization;
using System.Text.Json;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;

namespace PlanBot.Conversations.Tests.Fakes;

/// <summary>Tenant documents kept as JSON in the stored shape, with conditional writes like the real stores.</summary>
public sealed class InMemoryTenantStore : ITenantStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, (long Version, string Json)> tenants = new(StringComparer.Ordinal);

    public Task<Versioned<TenantDocument>?> GetTenantAsync(string tenantId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(tenants.TryGetValue(tenantId, out var stored)
                ? new Versioned<TenantDocument>(JsonSerializer.Deserialize(stored.Json, StateJsonContext.Default.TenantDocument)!, Tag(stored.Version))
                : null);
        }
    }

    public Task SaveTenantAsync(Versioned<TenantDocument> tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        lock (gate)
        {
            var id = tenant.Document.TenantId;
            var exists = tenants.TryGetValue(id, out var current);
            if ((tenant.ETag is null && exists) || (tenant.ETag is not null && (!exists || Tag(current.Version) != tenant.ETag)))
            {
                throw new ConcurrencyException($"Tenant {id} changed since it was read.");
            }

            tenants[id] = (exists ? current.Version + 1 : 1, JsonSerializer.Serialize(tenant.Document, StateJsonContext.Default.TenantDocument));
            return Task.CompletedTask;
        }
    }

    private static string Tag(long version) => version.ToString(CultureInfo.InvariantCulture);
}
