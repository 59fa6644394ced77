using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;

namespace PlanBot.Storage.Sqlite;

/// <summary>Tenant settings: one row per tenant, written conditionally on its version like plans.</summary>
public sealed partial class SqliteConversationStore : ITenantStore
{
    public Task<Versioned<TenantDocument>?> GetTenantAsync(string tenantId, CancellationToken cancellationToken) =>
        connections.ReadAsync(connection => StoreQueries.TenantAsync(connection, tenantId, cancellationToken), cancellationToken);

    public Task SaveTenantAsync(Versioned<TenantDocument> tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return connections.WriteAsync(connection => ConditionalWrites.TenantAsync(connection, tenant, cancellationToken), cancellationToken);
    }
}
