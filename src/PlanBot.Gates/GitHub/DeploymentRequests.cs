using System.Globalization;
using System.Text.Json;
using PlanBot.Conversations.Gates;
using PlanBot.Conversations.State;

namespace PlanBot.Gates.GitHub;

/// <summary>Reads a <c>deployment_protection_rule</c> delivery: the request it makes, and the release version a link says to take from it.</summary>
internal static class DeploymentRequests
{
    /// <summary>The request, keyed by the deployment (a re-run makes a new one; a redelivery does not).</summary>
    public static GateRequest Request(WebhookPayload payload, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var repository = payload.Repository!.FullName!;
        var run = GitHubClient.RunOf(payload.DeploymentCallbackUrl!);
        var deployment = payload.Deployment;
        var reference = deployment?.Ref ?? payload.Ref;
        var key = deployment?.Id?.ToString(CultureInfo.InvariantCulture) ?? $"run-{run}";
        return new GateRequest
        {
            Id = $"github:{repository.ToLowerInvariant()}:{key}:{payload.Environment!.ToLowerInvariant()}",
            System = GateSystem.GitHub,
            Environment = payload.Environment,
            Run = run,
            RunUrl = run is not null && payload.Repository.HtmlUrl is { } html ? $"{html.TrimEnd('/')}/actions/runs/{run}" : null,
            RequestedAt = now,
            Callback = true,
            GitHub = new GitHubDeploymentCallback(repository, payload.DeploymentCallbackUrl!, payload.Installation!.Id!.Value, deployment?.Id, reference, deployment?.Sha ?? payload.Sha),
        };
    }

    /// <summary>The version the deployment names, read as <paramref name="versionFrom"/> says; null when it names none.</summary>
    public static string? Version(WebhookPayload payload, string versionFrom)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(versionFrom);
        if (GitHubLink.PayloadKey(versionFrom) is not { } name)
        {
            return ReleaseVersions.FromRef(payload.Deployment?.Ref ?? payload.Ref);
        }

        var content = payload.Deployment?.Payload ?? default;
        if (content.ValueKind == JsonValueKind.String)
        {
            // Older deliveries carry the payload as a JSON string.
            try
            {
                using var parsed = JsonDocument.Parse(content.GetString()!);
                return Value(parsed.RootElement, name);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return Value(content, name);
    }

    private static string? Value(JsonElement payload, string name) =>
        payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String when !string.IsNullOrWhiteSpace(value.GetString()) => value.GetString()!.Trim(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
