using System.Text.Json;
using System.Text.Json.Serialization;

namespace PlanBot.Storage.Cosmos.Items;

/// <summary>
/// A plan as stored in the <c>plans</c> container: the <c>PlanDocument</c> in <see cref="Body"/>, in the
/// shared StateJsonContext shape, and beside it the fields Cosmos needs: the partition key
/// (<see cref="TenantId"/>), the unique release key and what the queries filter and sort on.
/// </summary>
internal sealed class PlanItem
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("tenantId")]
    public required string TenantId { get; init; }

    /// <summary><c>product|version</c>, trimmed and lower-cased; unique within a tenant by the container's unique key policy.</summary>
    [JsonPropertyName("releaseKey")]
    public required string ReleaseKey { get; init; }

    [JsonPropertyName("productKey")]
    public required string ProductKey { get; init; }

    [JsonPropertyName("createdAt")]
    public required string CreatedAt { get; init; }

    [JsonPropertyName("body")]
    public JsonElement Body { get; init; }

    [JsonPropertyName("_etag")]
    public string? ETag { get; init; }
}
