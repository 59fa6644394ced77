using System.Text.Json;
using System.Text.Json.Serialization;

namespace PlanBot.Storage.Cosmos.Items;

/// <summary>
/// A conversation pointer as stored in the <c>conversations</c> container. Its <see cref="Id"/> (also
/// the partition key) is derived from the conversation key, which may hold characters Cosmos ids
/// must not; the key itself is kept in <see cref="Key"/>. <see cref="Ttl"/> is reset by every write.
/// </summary>
internal sealed class ConversationItem
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("key")]
    public required string Key { get; init; }

    [JsonPropertyName("tenantId")]
    public required string TenantId { get; init; }

    [JsonPropertyName("ttl")]
    public int Ttl { get; init; }

    [JsonPropertyName("body")]
    public JsonElement Body { get; init; }

    [JsonPropertyName("_etag")]
    public string? ETag { get; init; }

    /// <summary>Seconds since the Unix epoch of the last write, set by the server.</summary>
    [JsonPropertyName("_ts")]
    public long Timestamp { get; init; }
}
