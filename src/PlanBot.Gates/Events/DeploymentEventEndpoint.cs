using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using PlanBot.Conversations.Engine;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Turns;
using PlanBot.Domain.Answers;
using PlanBot.Domain.Plans;
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
        IConversationStore store,
        IReplyChannels channels,
        TurnProcessor processor,
        TimeProvider time,
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

        var stored = await store.FindPlanAsync(tenantId, product, version, cancellationToken);
        if (stored is null)
        {
            return Problem(logger, product, version, StatusCodes.Status404NotFound, $"There is no plan for {product} {version} in this tenant.");
        }

        var plan = stored.Document.Plan;
        var stage = DeploymentEventBody.StageOf(body.Stage)!.Value;
        var source = string.IsNullOrWhiteSpace(body.Source) ? "a pipeline" : body.Source.Trim();
        Plan after;
        try
        {
            // Checked here first, so the pipeline hears why; the turn checks again on the plan as it is then.
            after = plan.Report(stage, null, source, body.Note, body.Id, time.GetUtcNow());
        }
        catch (PlanRuleException refused)
        {
            return Problem(logger, product, version, StatusCodes.Status409Conflict, refused.Message);
        }

        if (ReferenceEquals(after, plan))
        {
            return TypedResults.Json(new DeploymentEventAnswer(Plan.Stage(plan.State), Changed: false), GatesJsonContext.Default.DeploymentEventAnswer);
        }

        if (!stored.Document.Posts.TryGetValue(PostKeys.Approval, out var thread) || channels.For(thread.Thread.Channel) is not { } channel)
        {
            return Problem(logger, product, version, StatusCodes.Status409Conflict, $"The plan for {product} {version} has no approval thread to report in.");
        }

        var turn = new Turn(
            TurnKind.Action,
            $"pipeline-event:{body.Id}",
            thread.Thread,
            new PersonRef($"pipeline:{source}", source),
            string.Empty,
            [],
            Action: new PipelineEventAction(plan.Id, stage, source, body.Note, body.Id!));
        var outcome = await processor.ProcessAsync(turn, channel, cancellationToken);
        var now = await store.GetPlanAsync(tenantId, plan.Id, cancellationToken);
        logger.DeploymentEventTaken(product, version, tenantId, body.Stage!, outcome.Status.ToString());
        return TypedResults.Json(new DeploymentEventAnswer(Plan.Stage((now?.Document.Plan ?? after).State), Changed: true), GatesJsonContext.Default.DeploymentEventAnswer);
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
