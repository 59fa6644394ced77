using System.Text.Json.Serialization;

namespace PlanBot.Gates.Azure;

/// <summary>
/// What <c>/api/gates/{product}/{version}</c> answers: the plan's state in a shape a check's success
/// criteria read, such as <c>eq(root['approved'], true)</c>. <see cref="Approved"/> is true only
/// for an approved plan; an approval gone stale after an edit reads false again. <see cref="Deployment"/>
/// is the stage of deployment day once it began (<c>deploying</c>, <c>deployed</c>, <c>failed</c>,
/// <c>rolled back</c>, <c>done</c>), while the state stays <c>approved</c>.
/// </summary>
internal sealed record GateResponse(
    [property: JsonPropertyName("product")] string Product,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("approved")] bool Approved,
    [property: JsonPropertyName("deployment")] string? Deployment,
    [property: JsonPropertyName("revision")] int? Revision,
    [property: JsonPropertyName("approvers")] IReadOnlyList<GateApprover> Approvers,
    [property: JsonPropertyName("decisions")] IReadOnlyList<GateDecision> Decisions,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("link")] string? Link);

/// <summary>An approver and where they stand on the current revision: <c>approved</c>, <c>rejected</c> or <c>waiting</c>.</summary>
internal sealed record GateApprover(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("decision")] string Decision);

/// <summary>A decision on the plan; a stale one no longer counts.</summary>
internal sealed record GateDecision(
    [property: JsonPropertyName("approver")] string Approver,
    [property: JsonPropertyName("verdict")] string Verdict,
    [property: JsonPropertyName("revision")] int Revision,
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("stale")] bool Stale,
    [property: JsonPropertyName("reason")] string? Reason);

/// <summary>Why a request was refused.</summary>
internal sealed record GateProblem([property: JsonPropertyName("error")] string Error);

/// <summary>
/// The body of Azure Pipelines' Post Event call that completes a check in callback mode
/// (<c>POST {planUrl}/{projectId}/_apis/distributedtask/hubs/{hubName}/plans/{planId}/events</c>).
/// </summary>
internal sealed record TaskCompletedEvent(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("taskId")] string TaskId,
    [property: JsonPropertyName("jobId")] string JobId,
    [property: JsonPropertyName("result")] string Result);
