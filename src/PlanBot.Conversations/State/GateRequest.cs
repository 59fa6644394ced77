using System.Text.Json.Serialization;

namespace PlanBot.Conversations.State;

/// <summary>The deployment system a gate request came from.</summary>
public enum GateSystem
{
    /// <summary>An "Invoke REST API" check on an Azure Pipelines environment.</summary>
    AzurePipelines,

    /// <summary>A custom deployment protection rule on a GitHub environment (the PlanBot GitHub App).</summary>
    GitHub,
}

/// <summary>
/// A deployment that asked whether this plan lets it go ahead. PlanBot answers every request with
/// the plan's state; a request that waits for a callback (<see cref="Callback"/>) is also told the
/// outcome once the plan is decided. <see cref="Outcome"/> is what the plan says now and stays null
/// while it is undecided: a decision that goes stale takes it back, unless a host already claimed it
/// to send (<see cref="Claim"/>). <see cref="ReportedAt"/> marks it told, for good.
/// </summary>
public sealed class GateRequest
{
    /// <summary>Names the request within the plan, so a redelivery finds it: the system's own ids of the run and the job or deployment.</summary>
    public required string Id { get; set; }

    public required GateSystem System { get; set; }

    /// <summary>The environment the deployment goes to (<c>production</c>), as the system named it.</summary>
    public required string Environment { get; set; }

    /// <summary>The run as people know it: a build number, or a workflow run; null when the request did not say.</summary>
    public string? Run { get; set; }

    /// <summary>Where the run can be seen, when known.</summary>
    public string? RunUrl { get; set; }

    public required DateTimeOffset RequestedAt { get; set; }

    /// <summary>True when the system waits to be told the outcome; false for a check that asks again until satisfied.</summary>
    public bool Callback { get; set; }

    /// <summary>How to tell Azure Pipelines (callback mode only).</summary>
    public AzureCheckCallback? Azure { get; set; }

    /// <summary>How to tell GitHub, and which deployment it is.</summary>
    public GitHubDeploymentCallback? GitHub { get; set; }

    /// <summary>What the deployment is to be told, while it is owed or being sent; kept once reported.</summary>
    public GateOutcome? Outcome { get; set; }

    /// <summary>The host sending <see cref="Outcome"/> now; another host takes over once the claim is older than the grace.</summary>
    public GateClaim? Claim { get; set; }

    /// <summary>Attempts to report that failed; each waits longer before the next.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Failures { get; set; }

    /// <summary>When the next attempt may be made after a failure.</summary>
    public DateTimeOffset? RetryAt { get; set; }

    /// <summary>Why the last attempt failed, without secrets.</summary>
    public string? LastError { get; set; }

    /// <summary>When the outcome was told, or the system said it no longer waits; nothing more is sent after it.</summary>
    public DateTimeOffset? ReportedAt { get; set; }

    /// <summary>Set with <see cref="ReportedAt"/> when the system was not told (it stopped waiting, or refused every attempt).</summary>
    public string? NotReported { get; set; }

    /// <summary>True while an outcome is still to be told.</summary>
    [JsonIgnore]
    public bool Waiting => Callback && ReportedAt is null;
}

/// <summary>
/// The headers an Invoke REST API check sends by default, which its callback needs: where the run's
/// plan lives and which task to complete. <see cref="AuthToken"/> is the job access token the
/// callback is made with: a secret, never logged, dropped once the outcome is reported.
/// </summary>
public sealed record AzureCheckCallback(
    string PlanUrl,
    string ProjectId,
    string HubName,
    string PlanId,
    string JobId,
    string TaskInstanceId,
    string? AuthToken);

/// <summary>
/// A GitHub deployment waiting on a custom protection rule: the repository, the workflow run's
/// <see cref="CallbackUrl"/> (GitHub's <c>deployment_callback_url</c>), and the installation whose token answers it.
/// </summary>
public sealed record GitHubDeploymentCallback(
    string Repository,
    string CallbackUrl,
    long InstallationId,
    long? DeploymentId,
    string? Ref,
    string? Sha);

/// <summary>What a deployment is told: go ahead or not, on which revision, with a comment for people reading the run.</summary>
public sealed record GateOutcome(bool Approved, int Revision, string Comment, DateTimeOffset At);

/// <summary>A host sending an outcome or a message, since <see cref="At"/>.</summary>
public sealed record GateClaim(string Instance, DateTimeOffset At);
