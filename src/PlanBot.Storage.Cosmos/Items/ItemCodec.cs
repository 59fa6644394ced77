using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PlanBot.Conversations.State;

namespace PlanBot.Storage.Cosmos.Items;

/// <summary>
/// Writes and reads the stored items as bytes. The document inside each envelope is serialized with
/// <see cref="StateJsonContext"/>, so a plan stored here has the very shape a plan has in SQLite.
/// </summary>
internal static class ItemCodec
{
    /// <summary>Cosmos refuses items over 2 MB; fail before sending with a message that says which document.</summary>
    public const int MaxItemBytes = 2 * 1024 * 1024;

    public static byte[] Plan(PlanDocument document)
    {
        var plan = document.Plan;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", plan.Id);
            writer.WriteString("tenantId", plan.TenantId);
            writer.WriteString("releaseKey", ItemKeys.Release(plan.Product, plan.Version));
            writer.WriteString("productKey", ItemKeys.Name(plan.Product));
            // Round-trip UTC text sorts like the instant it names, so ORDER BY needs no conversion.
            writer.WriteString("createdAt", plan.CreatedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            if (document.RemindAt is { } remindAt)
            {
                // Absent when no reminder waits, so the due-reminder query never matches the plan.
                writer.WriteString("remindAt", remindAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            }

            if (document.GateAt is { } gateAt)
            {
                // Likewise absent unless the gate sender has something owed on this plan.
                writer.WriteString("gateAt", gateAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            }

            writer.WritePropertyName("body");
            JsonSerializer.Serialize(writer, document, StateJsonContext.Default.PlanDocument);
            writer.WriteEndObject();
        }

        return Checked(buffer, $"plan {plan.Id} ({plan.Title})");
    }

    public static byte[] Conversation(string id, ConversationDocument document, int ttlSeconds)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("key", document.Key);
            writer.WriteString("tenantId", document.TenantId);
            writer.WriteNumber("ttl", ttlSeconds);
            writer.WritePropertyName("body");
            JsonSerializer.Serialize(writer, document, StateJsonContext.Default.ConversationDocument);
            writer.WriteEndObject();
        }

        return Checked(buffer, $"conversation {document.Key}");
    }

    public static byte[] Tenant(string id, TenantDocument document)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("tenantId", document.TenantId);
            writer.WritePropertyName("body");
            JsonSerializer.Serialize(writer, document, StateJsonContext.Default.TenantDocument);
            writer.WriteEndObject();
        }

        return Checked(buffer, $"settings of tenant {document.TenantId}");
    }

    public static async Task<PlanItem> ReadPlanAsync(Stream content, CancellationToken cancellationToken) =>
        await JsonSerializer.DeserializeAsync(content, ItemJsonContext.Default.PlanItem, cancellationToken)
        ?? throw new InvalidDataException("A stored plan is empty.");

    public static async Task<ConversationItem> ReadConversationAsync(Stream content, CancellationToken cancellationToken) =>
        await JsonSerializer.DeserializeAsync(content, ItemJsonContext.Default.ConversationItem, cancellationToken)
        ?? throw new InvalidDataException("A stored conversation is empty.");

    public static async Task<TenantItem> ReadTenantAsync(Stream content, CancellationToken cancellationToken) =>
        await JsonSerializer.DeserializeAsync(content, ItemJsonContext.Default.TenantItem, cancellationToken)
        ?? throw new InvalidDataException("A stored tenant is empty.");

    public static TenantDocument Body(TenantItem item) => Body(item.Body, StateJsonContext.Default.TenantDocument, item.Id);

    public static PlanDocument Body(PlanItem item) => Body(item.Body, StateJsonContext.Default.PlanDocument, item.Id);

    public static ConversationDocument Body(ConversationItem item) => Body(item.Body, StateJsonContext.Default.ConversationDocument, item.Id);

    /// <summary>Reads the body as a fresh object: callers mutate what they load.</summary>
    public static ConversationDocument Conversation(byte[] body) =>
        JsonSerializer.Deserialize(body, StateJsonContext.Default.ConversationDocument) ?? throw new InvalidDataException("A cached conversation is empty.");

    public static byte[] ConversationBody(ConversationDocument document) =>
        JsonSerializer.SerializeToUtf8Bytes(document, StateJsonContext.Default.ConversationDocument);

    private static T Body<T>(JsonElement body, JsonTypeInfo<T> type, string id)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"The stored item {id} has no body.");
        }

        return body.Deserialize(type) ?? throw new InvalidDataException($"The stored item {id} has an empty body.");
    }

    private static byte[] Checked(MemoryStream buffer, string what)
    {
        if (buffer.Length > MaxItemBytes)
        {
            throw new InvalidOperationException(
                $"The {what} is {buffer.Length / 1024} KB, over the 2 MB Cosmos DB allows for one item; it was not saved.");
        }

        return buffer.ToArray();
    }
}
