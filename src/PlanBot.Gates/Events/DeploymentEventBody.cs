using System.Text.Json.Serialization;
using PlanBot.Domain.Deployment;

namespace PlanBot.Gates.Events;

/// <summary>
/// What a pipeline posts to <c>/api/plans/{product}/{version}/events</c>:
/// <c>{"stage": "started|deployed|failed|rolled-back", "id": "…", "note": "…", "source": "…"}</c>.
/// </summary>
internal sealed record DeploymentEventBody(
    [property: JsonPropertyName("stage")] string? Stage,
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("note")] string? Note,
    [property: JsonPropertyName("source")] string? Source)
{
    public const int MaxId = 200;

    public const int MaxNote = 1000;

    public const int MaxSource = 60;

    /// <summary>The stage the words name: what pipelines call them as well as PlanBot's own.</summary>
    public static DeploymentStage? StageOf(string? stage) => stage?.Trim().ToLowerInvariant() switch
    {
        "started" or "deploying" or "inprogress" or "in-progress" => DeploymentStage.Started,
        "deployed" or "succeeded" or "success" => DeploymentStage.Deployed,
        "failed" or "failure" => DeploymentStage.Failed,
        "rolled-back" or "rolledback" or "rolled back" => DeploymentStage.RolledBack,
        _ => null,
    };

    /// <summary>Why the body cannot be taken, or null when it can.</summary>
    public string? Problem() =>
        StageOf(Stage) is null ? "\"stage\" must be one of started, deployed, failed, rolled-back."
        : string.IsNullOrWhiteSpace(Id) || Id.Length > MaxId ? $"\"id\" must name the event (at most {MaxId} characters), so a redelivery changes nothing."
        : Note is { Length: > MaxNote } ? $"\"note\" is at most {MaxNote} characters."
        : Source is { Length: > MaxSource } ? $"\"source\" is at most {MaxSource} characters."
        : null;
}

/// <summary>The answer: the deployment's stage after the event (deploying, deployed, failed, rolled back, done), and whether the event changed it.</summary>
internal sealed record DeploymentEventAnswer(
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("changed")] bool Changed);
