using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using PlanBot.Domain.Deployment;
using PlanBot.Gates.Azure;

namespace PlanBot.Gates.Events;

/// <summary>
/// <c>POST /api/azure-devops/hooks?product=…[&amp;version=…][&amp;stage=…]</c>: an Azure DevOps service hook
/// (Web Hooks, basic authentication with the tenant's gate key as the password) on "Run state changed"
/// or "Run stage state changed". A run or the named stage in progress reports <c>started</c>, succeeded
/// <c>deployed</c>, failed <c>failed</c>. The version is the query's, else the first version number in
/// the run's name (its build number, such as 2.4.7), tried as given and then shortened (2.4).
/// Everything Azure DevOps need not retry is answered 2xx, with why when nothing was taken.
/// </summary>
public static partial class AzureDevOpsHookEndpoint
{
    private const int MaxBody = 256 * 1024;

    public static IEndpointRouteBuilder MapAzureDevOpsHooks(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost("/api/azure-devops/hooks", ReceiveAsync);
        return endpoints;
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, GateKeyCheck keys, DeploymentReports reports, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(AzureDevOpsHookEndpoint));
        string? product = request.Query["product"];
        if (await keys.TenantAsync(request, cancellationToken) is not { } tenantId)
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"PlanBot gates\"";
            return Problem(logger, product, StatusCodes.Status401Unauthorized, "A live gate key is required: the service hook's basic authentication password. A release admin makes one with `gate key`.");
        }

        if (string.IsNullOrWhiteSpace(product) || product.Length > 64)
        {
            return Problem(logger, product, StatusCodes.Status400BadRequest, "The hook's URL names the product: /api/azure-devops/hooks?product=Contoso.Web (and version=…, stage=… where wanted).");
        }

        if (await HookEvent.ReadAsync(request, MaxBody, cancellationToken) is not { } hook)
        {
            return Problem(logger, product, StatusCodes.Status400BadRequest, "The body is not a run or stage state change of Azure DevOps service hooks.");
        }

        string? stageName = request.Query["stage"];
        var (state, result) = stageName is null ? (hook.RunState, hook.RunResult) : (hook.StageState, hook.StageResult);
        if (stageName is not null && !string.Equals(stageName, hook.StageName, StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Accepted((string?)null, $"Only the stage {stageName} reports the deployment.");
        }

        DeploymentStage? stage = (state?.ToLowerInvariant(), result?.ToLowerInvariant()) switch
        {
            ("inprogress", _) => DeploymentStage.Started,
            ("completed", "succeeded") => DeploymentStage.Deployed,
            ("completed", "failed") => DeploymentStage.Failed,
            _ => null,
        };
        var versions = Versions(request.Query["version"], hook.RunName);
        if (stage is null || versions.Count == 0)
        {
            return TypedResults.Accepted((string?)null, stage is null ? $"Nothing to report for {state} {result}." : "No release version in the hook's URL or the run's name.");
        }

        var where = stageName is null ? "run" : $"stage {hook.StageName}";
        var note = stage == DeploymentStage.Failed ? $"Azure Pipelines run {hook.RunName} failed in {where}" : null;
        var eventId = $"azure-devops:{hook.RunId}:{hook.StageName ?? "run"}:{state}:{result}";
        foreach (var version in versions)
        {
            var taken = await reports.ReportAsync(tenantId, product, version, stage.Value, "Azure Pipelines", note, eventId, cancellationToken);
            if (taken.Status == StatusCodes.Status404NotFound)
            {
                continue;
            }

            logger.DeploymentEventTaken(product, version, tenantId, stage.Value.ToString(), taken.Problem ?? (taken.Changed ? "changed the plan" : "changed nothing"));
            return taken.Problem is { } refused
                ? TypedResults.Accepted((string?)null, refused)
                : TypedResults.Ok(taken.Changed ? $"The deployment of {product} {version} is {taken.Stage}." : "Already recorded.");
        }

        return TypedResults.Accepted((string?)null, $"There is no plan for {product} {string.Join(" or ", versions)}.");
    }

    /// <summary>The version given, or the one in the run's name with its shorter forms: 2.4.7, then 2.4.</summary>
    private static IReadOnlyList<string> Versions(string? given, string? runName)
    {
        if (!string.IsNullOrWhiteSpace(given))
        {
            return [given.Trim()];
        }

        if (runName is null || VersionNumber().Match(runName) is not { Success: true } found)
        {
            return [];
        }

        var parts = found.Value.Split('.');
        return Enumerable.Range(2, parts.Length - 1).Reverse().Select(n => string.Join('.', parts[..n])).ToList();
    }

    private static IResult Problem(ILogger logger, string? product, int status, string reason)
    {
        logger.GateRefused(product ?? "(no product)", "-", reason);
        return TypedResults.Json(new GateProblem(reason), GatesJsonContext.Default.GateProblem, statusCode: status);
    }

    [GeneratedRegex(@"\d+(\.\d+)+")]
    private static partial Regex VersionNumber();

    /// <summary>What PlanBot reads of a service hook's body.</summary>
    private sealed record HookEvent(string? RunId, string? RunName, string? RunState, string? RunResult, string? StageName, string? StageState, string? StageResult)
    {
        public static async Task<HookEvent?> ReadAsync(HttpRequest request, int maxBody, CancellationToken cancellationToken)
        {
            if (request.ContentLength is { } length && length > maxBody)
            {
                return null;
            }

            try
            {
                using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object
                    || Text(root, "eventType") is not ("ms.vss-pipelines.run-state-changed-event" or "ms.vss-pipelines.stage-state-changed-event")
                    || !root.TryGetProperty("resource", out var resource) || resource.ValueKind != JsonValueKind.Object
                    || !resource.TryGetProperty("run", out var run) || run.ValueKind != JsonValueKind.Object)
                {
                    return null;
                }

                var stage = resource.TryGetProperty("stage", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
                return new HookEvent(
                    run.TryGetProperty("id", out var id) ? id.ToString() : null,
                    Text(run, "name"),
                    Text(run, "state"),
                    Text(run, "result"),
                    stage.ValueKind == JsonValueKind.Object ? Text(stage, "name") : null,
                    stage.ValueKind == JsonValueKind.Object ? Text(stage, "state") : null,
                    stage.ValueKind == JsonValueKind.Object ? Text(stage, "result") : null);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static string? Text(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
