using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using PlanBot.Gates.Azure;

namespace PlanBot.Gates.Events;

/// <summary>
/// <c>POST /api/plans/{product}/{version}/events</c>: a pipeline (a step of Azure Pipelines or GitHub
/// Actions, or anything with the tenant's gate key) reports the deployment's stage. The event runs as
/// a turn in the plan's approval thread, as the pipeline's, so the thread hears of it, the approval
/// card shows it in its timeline, and the run sheet, the success checklist or the backout plan follow
/// as they do when people report in chat. A stage the plan cannot take is answered 409 with the reason.
/// </summary>
public static class DeploymentEventEndpoint
{
    private const int MaxBody = 8 * 1024;

    public static IEndpointRouteBuilder MapDeploymentEvents(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost("/api/plans/{product}/{version}/events", ReportAsync);
        return endpoints;
    }

    private static async Task<IResult> ReportAsync(
        string product,
        string version,
        HttpRequest request,
        GateKeyCheck keys,
        DeploymentReports reports,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(DeploymentEventEndpoint));
        if (await keys.TenantAsync(request, cancellationToken) is not { } tenantId)
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer realm=\"PlanBot gates\"";
            return Problem(logger, product, version, StatusCodes.Status401Unauthorized, "A live gate key is required: send it as a Bearer token. A release admin makes one with `gate key`.");
        }

        var body = await ReadAsync(request, cancellationToken);
        var invalid = body is null
            ? "The body must be JSON of at most 8 KB: {\"stage\": \"started|deployed|failed|rolled-back\", \"id\": \"…\", \"note\": \"…\"}."
            : body.Problem();
        if (body is null || invalid is not null)
        {
            return Problem(logger, product, version, StatusCodes.Status400BadRequest, invalid!);
        }

        var source = string.IsNullOrWhiteSpace(body.Source) ? "a pipeline" : body.Source.Trim();
        var result = await reports.ReportAsync(tenantId, product, version, DeploymentEventBody.StageOf(body.Stage)!.Value, source, body.Note, body.Id!, cancellationToken);
        if (result.Problem is { } refused)
        {
            return Problem(logger, product, version, result.Status, refused);
        }

        logger.DeploymentEventTaken(product, version, tenantId, body.Stage!, result.Changed ? "changed the plan" : "changed nothing");
        return TypedResults.Json(new DeploymentEventAnswer(result.Stage!, result.Changed), GatesJsonContext.Default.DeploymentEventAnswer);
    }

    private static async Task<DeploymentEventBody?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is > MaxBody)
        {
            return null;
        }

        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, cancellationToken);
            return buffer.Length is 0 or > MaxBody ? null : JsonSerializer.Deserialize(buffer.ToArray(), GatesJsonContext.Default.DeploymentEventBody);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult Problem(ILogger logger, string product, string version, int status, string reason)
    {
        logger.GateRefused(product, version, reason);
        return TypedResults.Json(new GateProblem(reason), GatesJsonContext.Default.GateProblem, statusCode: status);
    }
}
