using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PlanBot.Conversations;
using PlanBot.Conversations.Gates;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Gates.Azure;
using PlanBot.Gates.Events;
using PlanBot.Gates.GitHub;

namespace PlanBot.Gates.Hosting;

/// <summary>
/// <c>GET</c> (or <c>POST</c>) <c>/api/gates/{product}/{version}</c>, which Azure Pipelines' Invoke
/// REST API check calls with a gate key, and <c>POST /api/github/webhooks</c> for the PlanBot GitHub
/// App, mapped only when the app is configured.
/// </summary>
public static class GateEndpoints
{
    public static IEndpointRouteBuilder MapGates(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapMethods("/api/gates/{product}/{version}", [HttpMethods.Get, HttpMethods.Post], AskAsync);
        endpoints.MapDeploymentEvents();
        endpoints.MapAzureDevOpsHooks();
        if (endpoints.ServiceProvider.GetService<GitHubWebhooks>() is not null)
        {
            endpoints.MapPost("/api/github/webhooks", (HttpRequest request, GitHubWebhooks webhooks, CancellationToken cancellationToken) =>
                webhooks.HandleAsync(request, cancellationToken));
        }

        return endpoints;
    }

    /// <summary>
    /// The plan's state, for a check's success criteria; an unknown release answers <c>state: none</c>.
    /// In callback mode the request is recorded and Azure Pipelines is called back when the plan is
    /// decided (at once when it already is, or when no plan exists for the release).
    /// </summary>
    private static async Task<IResult> AskAsync(
        string product,
        string version,
        HttpRequest request,
        GateKeyCheck keys,
        GateDesk desk,
        TaskEventsClient azure,
        AzureDevOpsHosts hosts,
        TimeProvider time,
        IServiceProvider services,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(GateEndpoints));
        if (product.Length > 64 || version.Length > 64)
        {
            return Problem(logger, product, version, StatusCodes.Status400BadRequest, "The product and the version are at most 64 characters each.");
        }

        try
        {
            if (await keys.TenantAsync(request, cancellationToken) is not { } tenantId)
            {
                request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer realm=\"PlanBot gates\"";
                return Problem(logger, product, version, StatusCodes.Status401Unauthorized, "A live gate key is required: send it as a Bearer token, or as the password of the service connection. A release admin makes one with `gate key`.");
            }

            var (asking, problem) = PipelineCheck.Read(request, hosts, time.GetUtcNow());
            if (problem is not null)
            {
                return Problem(logger, product, version, StatusCodes.Status400BadRequest, problem);
            }

            var answer = await desk.AskAsync(new GateQuestion(tenantId, product, version, asking), cancellationToken);
            if (answer.Plan is { } plan)
            {
                var response = GateResponses.Of(plan, services.GetService<IExportLinks>());
                Count(response.State);
                logger.AzureAsked(product, version, tenantId, response.State);
                return TypedResults.Json(response, GatesJsonContext.Default.GateResponse);
            }

            Count(GateVerdicts.None);
            logger.AzureAsked(product, version, tenantId, GateVerdicts.None);
            if (asking is { Callback: true, Azure: { } check })
            {
                // Nothing will ever decide for it: complete the check as failed now, rather than let it wait for its timeout.
                PlanBotTelemetry.CountGateReport(GateSystem.AzurePipelines, (await azure.CompleteAsync(check, succeeded: false, cancellationToken)).Result);
            }

            return TypedResults.Json(GateResponses.None(product, version), GatesJsonContext.Default.GateResponse);
        }
        catch (Exception busy) when (busy is StoreUnavailableException or ConcurrencyException)
        {
            return Problem(logger, product, version, StatusCodes.Status503ServiceUnavailable, "PlanBot's storage is not answering, or the plan is changing under many writers; the check will ask again.");
        }
    }

    private static IResult Problem(ILogger logger, string product, string version, int status, string reason)
    {
        logger.GateRefused(product, version, reason);
        Count(status switch
        {
            StatusCodes.Status401Unauthorized => "unauthorized",
            StatusCodes.Status503ServiceUnavailable => "store unavailable",
            _ => "bad request",
        });
        return TypedResults.Json(new GateProblem(reason), GatesJsonContext.Default.GateProblem, statusCode: status);
    }

    private static void Count(string answer) =>
        PlanBotTelemetry.CountGateRequest(GateSystem.AzurePipelines, answer);
}
