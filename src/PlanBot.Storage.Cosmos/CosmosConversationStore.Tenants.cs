using System.Net;
using Microsoft.Azure.Cosmos;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Storage.Cosmos.Items;

namespace PlanBot.Storage.Cosmos;

/// <summary>Tenant settings: one item per tenant in the <c>tenants</c> container, written conditionally on its ETag like plans.</summary>
public sealed partial class CosmosConversationStore : ITenantStore
{
    public async Task<Versioned<TenantDocument>?> GetTenantAsync(string tenantId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        var id = ItemKeys.TenantId(tenantId);
        using var response = await SendAsync(
            "read tenant",
            token => tenants.ReadItemStreamAsync(id, new PartitionKey(id), cancellationToken: token),
            cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        Expect(response, HttpStatusCode.OK, "read tenant");
        var item = await ItemCodec.ReadTenantAsync(response.Content, cancellationToken);
        if (item.TenantId != tenantId)
        {
            throw new InvalidDataException($"The stored tenant {id} belongs to another tenant id.");
        }

        return new Versioned<TenantDocument>(ItemCodec.Body(item), response.Headers.ETag ?? item.ETag);
    }

    public async Task SaveTenantAsync(Versioned<TenantDocument> tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var document = tenant.Document;
        ArgumentException.ThrowIfNullOrWhiteSpace(document.TenantId);
        var id = ItemKeys.TenantId(document.TenantId);
        var body = ItemCodec.Tenant(id, document);
        var partition = new PartitionKey(id);
        using var response = tenant.ETag is null
            ? await SendAsync(
                "create tenant",
                token => tenants.CreateItemStreamAsync(new MemoryStream(body, writable: false), partition, cancellationToken: token),
                cancellationToken)
            : await SendAsync(
                "replace tenant",
                token => tenants.ReplaceItemStreamAsync(new MemoryStream(body, writable: false), id, partition, new ItemRequestOptions { IfMatchEtag = tenant.ETag }, token),
                cancellationToken);
        if (response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            throw new ConcurrencyException($"The settings of tenant {document.TenantId} changed since they were read.");
        }

        Expect(response, tenant.ETag is null ? HttpStatusCode.Created : HttpStatusCode.OK, tenant.ETag is null ? "create tenant" : "replace tenant");
    }
}
