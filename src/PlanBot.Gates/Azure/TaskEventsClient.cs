using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;

namespace PlanBot.Gates.Azure;

/// <summary>
/// Completes an Invoke REST API check in callback mode, as Azure DevOps documents it ("Invoke Azure
/// Function / REST API checks": the check's callback; REST API "Events - Post Event"):
/// <c>POST {PlanUrl}/{ProjectId}/_apis/distributedtask/hubs/{HubName}/plans/{PlanId}/events?api-version=2.0-preview.1</c>
/// with <c>Authorization: Bearer {AuthToken}</c> and
/// <c>{"name":"TaskCompleted","taskId":"{TaskInstanceId}","jobId":"{JobId}","result":"succeeded|failed"}</c>.
/// </summary>
internal sealed class TaskEventsClient(IHttpClientFactory clients, AzureDevOpsHosts hosts, ILogger<TaskEventsClient> logger)
{
    /// <summary>The named HTTP client the calls go through.</summary>
    public const string Client = "AzurePipelines";

    /// <summary>The version the checks' documentation calls the events API with; every later server still serves it.</summary>
    public const string ApiVersion = "2.0-preview.1";

    public async Task<GateReportResult> CompleteAsync(AzureCheckCallback check, bool succeeded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (check.AuthToken is not { Length: > 0 } token || !hosts.Allows(check.PlanUrl))
        {
            return new GateReportResult(GateReport.Gone, "the check's callback details are missing.");
        }

        var url = $"{check.PlanUrl.TrimEnd('/')}/{Uri.EscapeDataString(check.ProjectId)}/_apis/distributedtask/hubs/{Uri.EscapeDataString(check.HubName)}/plans/{Uri.EscapeDataString(check.PlanId)}/events?api-version={ApiVersion}";
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = JsonContent.Create(new TaskCompletedEvent("TaskCompleted", check.TaskInstanceId, check.JobId, succeeded ? "succeeded" : "failed"), GatesJsonContext.Default.TaskCompletedEvent),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await clients.CreateClient(Client).SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return new GateReportResult(GateReport.Told);
            }

            logger.TaskEventRefused(check.PlanId, (int)response.StatusCode);
            return response.StatusCode switch
            {
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new GateReportResult(
                    GateReport.Gone,
                    $"Azure Pipelines refused the job access token (HTTP {(int)response.StatusCode}); it is valid for 48 hours, so a plan decided later cannot complete the check: re-run the stage."),
                HttpStatusCode.NotFound or HttpStatusCode.BadRequest or HttpStatusCode.Conflict or HttpStatusCode.Gone => new GateReportResult(
                    GateReport.Gone,
                    $"the run no longer waits for this check (HTTP {(int)response.StatusCode})."),
                _ => new GateReportResult(GateReport.TryAgain, $"Azure Pipelines answered HTTP {(int)response.StatusCode}."),
            };
        }
        catch (HttpRequestException failure)
        {
            return new GateReportResult(GateReport.TryAgain, $"Azure Pipelines could not be reached ({failure.HttpRequestError}).");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new GateReportResult(GateReport.TryAgain, "Azure Pipelines did not answer in time.");
        }
    }
}
