using System.Text.Json.Serialization;
using PlanBot.Slack.Blocks;
using PlanBot.Slack.Commands;
using PlanBot.Slack.Events;
using PlanBot.Slack.Interaction;
using PlanBot.Slack.SocketMode;
using PlanBot.Slack.WebApi;

namespace PlanBot.Slack;

/// <summary>Every Slack payload PlanBot reads or writes. Slack's JSON is snake_case; absent values are left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    PropertyNameCaseInsensitive = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = 64)]
[JsonSerializable(typeof(BlockKitMessage))]
[JsonSerializable(typeof(IReadOnlyList<Block>))]
[JsonSerializable(typeof(ModalView))]
[JsonSerializable(typeof(HomeView))]
[JsonSerializable(typeof(PostMessageRequest))]
[JsonSerializable(typeof(UpdateMessageRequest))]
[JsonSerializable(typeof(PostEphemeralRequest))]
[JsonSerializable(typeof(ViewsOpenRequest))]
[JsonSerializable(typeof(ViewsUpdateRequest))]
[JsonSerializable(typeof(ViewsPublishRequest))]
[JsonSerializable(typeof(SlackResponse))]
[JsonSerializable(typeof(PostMessageResponse))]
[JsonSerializable(typeof(PostEphemeralResponse))]
[JsonSerializable(typeof(ViewResponse))]
[JsonSerializable(typeof(UserInfoResponse))]
[JsonSerializable(typeof(ConversationInfoResponse))]
[JsonSerializable(typeof(ConversationMembersResponse))]
[JsonSerializable(typeof(ConnectionsOpenResponse))]
[JsonSerializable(typeof(EventEnvelope))]
[JsonSerializable(typeof(SlashCommand))]
[JsonSerializable(typeof(InteractionPayload))]
[JsonSerializable(typeof(SocketMessage))]
[JsonSerializable(typeof(Dictionary<string, string>))]
public sealed partial class SlackJsonContext : JsonSerializerContext;
