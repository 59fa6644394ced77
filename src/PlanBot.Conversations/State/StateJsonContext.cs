using System.Text.Json.Serialization;

namespace PlanBot.Conversations.State;

/// <summary>
/// The one JSON shape of stored documents, shared by every store so a plan written by one reads the
/// same in another. Source-generated: no reflection on the hot path.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PlanDocument))]
[JsonSerializable(typeof(ConversationDocument))]
[JsonSerializable(typeof(TenantDocument))]
public sealed partial class StateJsonContext : JsonSerializerContext;
