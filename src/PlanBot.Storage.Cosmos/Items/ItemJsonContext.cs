using System.Text.Json.Serialization;

namespace PlanBot.Storage.Cosmos.Items;

/// <summary>The envelopes around stored documents. Bodies inside them are written and read with the shared StateJsonContext.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PlanItem))]
[JsonSerializable(typeof(ConversationItem))]
[JsonSerializable(typeof(TenantItem))]
internal sealed partial class ItemJsonContext : JsonSerializerContext;
