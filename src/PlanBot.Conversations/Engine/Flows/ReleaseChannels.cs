using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;

namespace PlanBot.Conversations.Engine.Flows;

/// <summary>The tenant's settings as the flows need them: each product's release channel, and changes to them.</summary>
internal sealed class ReleaseChannels(ITenantStore? tenants, EngineOptions options)
{
    /// <summary>False where this host keeps no tenant settings.</summary>
    public bool Available => tenants is not null;

    /// <summary>How a product gets its release channel, where approval requests are posted.</summary>
    public static string HowToSet(string product) =>
        $"In the team channel where {product} releases are discussed, a release admin types `channel set {product}`, mentioning me.";

    public async Task<ReleaseChannel?> FindAsync(string tenantId, string product, CancellationToken cancellationToken)
    {
        if (tenants is null)
        {
            return null;
        }

        var tenant = await tenants.GetTenantAsync(tenantId, cancellationToken);
        return tenant is null ? null : Of(tenant.Document, product);
    }

    /// <summary>The product's release channel in <paramref name="tenant"/>'s settings, unless the bot was removed there.</summary>
    public static ReleaseChannel? Of(TenantDocument tenant, string product) =>
        tenant.ReleaseChannels.TryGetValue(product, out var channel) && !channel.Stale ? channel : null;

    /// <summary>
    /// Said when a plan starts for a product without a release channel, so it is set long before
    /// <c>submit</c> needs it; null when there is one (or channels are not kept here).
    /// </summary>
    public async Task<string?> MissingAsync(string tenantId, string product, CancellationToken cancellationToken) =>
        tenants is null ? null : Missing(await GetAsync(tenantId, cancellationToken), product);

    /// <summary>As <see cref="MissingAsync"/>, from the tenant's settings already read.</summary>
    public string? Missing(TenantDocument? tenant, string product) =>
        tenants is null || (tenant is not null && Of(tenant, product) is not null)
            ? null
            : $"No release channel is set for {product} yet, and the approval request goes there. {HowToSet(product)}";

    public async Task<TenantDocument?> GetAsync(string tenantId, CancellationToken cancellationToken) =>
        tenants is null ? null : (await tenants.GetTenantAsync(tenantId, cancellationToken))?.Document;

    /// <summary>Applies an idempotent change to the tenant's settings, re-reading and re-applying on a lost race.</summary>
    public async Task UpdateAsync(string tenantId, Func<TenantDocument, bool> change, CancellationToken cancellationToken)
    {
        if (tenants is null)
        {
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            var stored = await tenants.GetTenantAsync(tenantId, cancellationToken)
                ?? new Versioned<TenantDocument>(new TenantDocument { TenantId = tenantId }, null);
            if (!change(stored.Document))
            {
                return;
            }

            try
            {
                await tenants.SaveTenantAsync(stored, cancellationToken);
                return;
            }
            catch (ConcurrencyException) when (attempt < options.MaxCommitAttempts)
            {
                // Someone else changed the settings meanwhile: apply the change to their version.
            }
        }
    }
}
