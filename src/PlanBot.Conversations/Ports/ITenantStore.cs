using PlanBot.Conversations.State;

namespace PlanBot.Conversations.Ports;

/// <summary>Storage of tenant settings; writes are conditional like every other document's.</summary>
public interface ITenantStore
{
    Task<Versioned<TenantDocument>?> GetTenantAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Creates (null ETag) or replaces the tenant document; a lost race throws <see cref="ConcurrencyException"/>.</summary>
    Task SaveTenantAsync(Versioned<TenantDocument> tenant, CancellationToken cancellationToken);
}
