using System.Text.Json;
using System.Text.Json.Serialization;

namespace PlanBot.Storage.Cosmos.Items;

/// <summary>A tenant's settings as stored in the <c>tenants</c> container, under an id derived from the tenant id.</summary>
internal sealed class TenantItem
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("tenantId")]
    public required string TenantId { get; init; }

    [JsonPropertyName("body")]
    public JsonElement Body { get; init; }

    [JsonPropertyName("_etag")]
    public string? ETag { get; init; }
}
