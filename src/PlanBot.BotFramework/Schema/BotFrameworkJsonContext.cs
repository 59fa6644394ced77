using System.Text.Json.Serialization;

namespace PlanBot.BotFramework.Schema;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = 64)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(OutboundActivity))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(InvokeResponse))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(ChannelAccount))]
[JsonSerializable(typeof(MemberList))]
public sealed partial class BotFrameworkJsonContext : JsonSerializerContext;
