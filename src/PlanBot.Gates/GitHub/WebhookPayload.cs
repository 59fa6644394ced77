using System.Text.Json;
using System.Text.Json.Serialization;

namespace PlanBot.Gates.GitHub;

/// <summary>
/// The parts of GitHub's <c>deployment_protection_rule</c> and <c>installation</c> deliveries PlanBot
/// reads (octokit/webhooks schemas <c>deployment_protection_rule/requested</c>, <c>installation/*</c>).
/// Fields it does not name are skipped, not refused: GitHub adds fields without notice.
/// </summary>
internal sealed class WebhookPayload
{
    [JsonPropertyName("action")]
    public string? Action { get; init; }

    /// <summary>The environment with the protection rule (deployment_protection_rule).</summary>
    [JsonPropertyName("environment")]
    public string? Environment { get; init; }

    /// <summary>What triggered the rule: <c>push</c>, <c>workflow_dispatch</c>…</summary>
    [JsonPropertyName("event")]
    public string? Event { get; init; }

    [JsonPropertyName("deployment_callback_url")]
    public string? DeploymentCallbackUrl { get; init; }

    [JsonPropertyName("deployment")]
    public DeploymentPayload? Deployment { get; init; }

    /// <summary>A deployment's new status (deployment_status).</summary>
    [JsonPropertyName("deployment_status")]
    public DeploymentStatusPayload? DeploymentStatus { get; init; }

    /// <summary>Some deliveries carry the ref and sha beside the deployment as well.</summary>
    [JsonPropertyName("ref")]
    public string? Ref { get; init; }

    [JsonPropertyName("sha")]
    public string? Sha { get; init; }

    [JsonPropertyName("repository")]
    public RepositoryPayload? Repository { get; init; }

    [JsonPropertyName("installation")]
    public InstallationPayload? Installation { get; init; }
}

internal sealed class DeploymentPayload
{
    [JsonPropertyName("id")]
    public long? Id { get; init; }

    [JsonPropertyName("ref")]
    public string? Ref { get; init; }

    [JsonPropertyName("sha")]
    public string? Sha { get; init; }

    /// <summary>What the deployment's creator put in; an object, though older deliveries send it as a JSON string.</summary>
    [JsonPropertyName("payload")]
    public JsonElement Payload { get; init; }

    [JsonPropertyName("environment")]
    public string? Environment { get; init; }
}

internal sealed class DeploymentStatusPayload
{
    [JsonPropertyName("id")]
    public long? Id { get; init; }

    /// <summary><c>queued</c>, <c>pending</c>, <c>in_progress</c>, <c>success</c>, <c>failure</c>, <c>error</c> or <c>inactive</c>.</summary>
    [JsonPropertyName("state")]
    public string? State { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("environment")]
    public string? Environment { get; init; }
}

internal sealed class RepositoryPayload
{
    [JsonPropertyName("full_name")]
    public string? FullName { get; init; }

    [JsonPropertyName("html_url")]
    public string? HtmlUrl { get; init; }
}

internal sealed class InstallationPayload
{
    [JsonPropertyName("id")]
    public long? Id { get; init; }

    [JsonPropertyName("account")]
    public AccountPayload? Account { get; init; }
}

internal sealed class AccountPayload
{
    [JsonPropertyName("login")]
    public string? Login { get; init; }
}

/// <summary>
/// The body of <c>POST /repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule</c>,
/// GitHub's "Review custom deployment protection rules for a workflow run".
/// </summary>
internal sealed record DeploymentReview(
    [property: JsonPropertyName("environment_name")] string EnvironmentName,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("comment")] string Comment);

/// <summary>GitHub's answer to <c>POST /app/installations/{id}/access_tokens</c>.</summary>
internal sealed record InstallationToken(
    [property: JsonPropertyName("token")] string? Token,
    [property: JsonPropertyName("expires_at")] DateTimeOffset? ExpiresAt);
