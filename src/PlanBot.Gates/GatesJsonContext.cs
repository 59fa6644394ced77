using System.Text.Json.Serialization;
using PlanBot.Gates.Azure;
using PlanBot.Gates.GitHub;

namespace PlanBot.Gates;

/// <summary>Every payload the gates read or write, source-generated; names are set on each type as its service spells them.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GateResponse))]
[JsonSerializable(typeof(GateProblem))]
[JsonSerializable(typeof(Events.DeploymentEventBody))]
[JsonSerializable(typeof(Events.DeploymentEventAnswer))]
[JsonSerializable(typeof(TaskCompletedEvent))]
[JsonSerializable(typeof(WebhookPayload))]
[JsonSerializable(typeof(DeploymentReview))]
[JsonSerializable(typeof(InstallationToken))]
internal sealed partial class GatesJsonContext : JsonSerializerContext;
