using Microsoft.AspNetCore.Http;
using PlanBot.Conversations.State;

namespace PlanBot.Gates.Azure;

/// <summary>
/// Reads what an Invoke REST API check sends. By default its headers carry the run's plan, job and
/// task ids and the job access token (<c>PlanUrl</c>, <c>ProjectId</c>, <c>HubName</c>, <c>PlanId</c>,
/// <c>JobId</c>, <c>TaskInstanceId</c>, <c>AuthToken</c>); the check can add <c>Environment</c>,
/// <c>BuildNumber</c> and <c>BuildId</c>, which PlanBot shows in the release channel. In callback mode
/// (<c>?completion=callback</c>) the callback headers are required; without it the check reads the
/// answer and asks again until its success criteria hold. <c>ServiceUri</c> is read where
/// <c>PlanUrl</c> is missing: older samples of the check name the organisation's address so.
/// </summary>
internal static class PipelineCheck
{
    private const int MaxHeader = 256;

    /// <summary>The request to record, null for a question that records nothing (no run named), or why it is refused.</summary>
    public static (GateRequest? Request, string? Problem) Read(HttpRequest http, AzureDevOpsHosts hosts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(hosts);
        string? Header(string name) =>
            http.Headers.TryGetValue(name, out var values) && values.Count > 0 && values[0] is { } value && !string.IsNullOrWhiteSpace(value) && value.Length <= MaxHeader
                ? value.Trim()
                : null;

        var callback = string.Equals(http.Query["completion"], "callback", StringComparison.OrdinalIgnoreCase);
        var (planUrl, projectId, hubName, planId) = (Header("PlanUrl") ?? Header("ServiceUri"), Header("ProjectId"), Header("HubName"), Header("PlanId"));
        var (jobId, taskId, token) = (Header("JobId"), Header("TaskInstanceId"), http.Headers["AuthToken"].ToString());
        var environment = Header("Environment") ?? "not named (add an Environment header to the check)";
        var buildId = Header("BuildId");
        var runUrl = planUrl is not null && projectId is not null && buildId is not null && hosts.Allows(planUrl)
            ? $"{planUrl.TrimEnd('/')}/{Uri.EscapeDataString(projectId)}/_build/results?buildId={Uri.EscapeDataString(buildId)}"
            : null;
        var request = new GateRequest
        {
            Id = string.Empty,
            System = GateSystem.AzurePipelines,
            Environment = environment,
            Run = Header("BuildNumber") ?? buildId,
            RunUrl = runUrl,
            RequestedAt = now,
        };

        if (callback)
        {
            if (planUrl is null || projectId is null || hubName is null || planId is null || jobId is null || taskId is null || string.IsNullOrWhiteSpace(token))
            {
                return (null, "In callback mode the check must send the headers PlanUrl, ProjectId, HubName, PlanId, JobId, TaskInstanceId and AuthToken (the check's defaults).");
            }

            if (!hosts.Allows(planUrl))
            {
                return (null, "PlanUrl must be the https address of an Azure DevOps organization this PlanBot accepts ($(system.CollectionUri); Gates:AzureDevOpsHosts lists the hosts).");
            }

            request.Id = $"azure:{planId}:{jobId}:{taskId}";
            request.Callback = true;
            request.Azure = new AzureCheckCallback(planUrl, projectId, hubName, planId, jobId, taskId, token.Trim());
            return (request, null);
        }

        // A check that asks again records its run once (per environment), to say so in the release channel.
        if ((planId ?? buildId) is not { } run)
        {
            return (null, null);
        }

        request.Id = $"azure:{run}:{environment}";
        return (request, null);
    }
}
