using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PlanBot.Conversations;
using PlanBot.Conversations.Gates;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Domain.Deployment;
using PlanBot.Gates.Events;
using PlanBot.Gates.Hosting;

namespace PlanBot.Gates.GitHub;

/// <summary>
/// <c>POST /api/github/webhooks</c>: deliveries of the PlanBot GitHub App. Each is verified by its
/// signature over the raw body before anything else. <c>deployment_protection_rule</c> asks whether
/// a deployment may go ahead: it is recorded on the plan of the release (so a redelivery changes
/// nothing) and answered when the plan is decided, at once if it already is. A deployment no plan can
/// answer (the repository or environment not linked, no version in it, no plan for the version) is
/// rejected at once with a comment saying what to do, and the delivery answered 502 if even that
/// fails, so it can be redelivered from the app's settings. <c>installation</c> keeps the directory
/// of installations.
/// </summary>
internal sealed class GitHubWebhooks(
    WebhookSignature signature,
    GitHubRouting routing,
    GateDesk desk,
    GitHubClient github,
    DeploymentReports reports,
    TimeProvider time,
    ILogger<GitHubWebhooks> logger)
{
    /// <summary>GitHub caps payloads at 25 MB; a protection rule's is a few kilobytes, its pull requests included.</summary>
    public const int MaxBody = 5 * 1024 * 1024;

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var delivery = Header(request, "X-GitHub-Delivery") ?? "(no id)";
        var body = await RequestBody.ReadAsync(request, MaxBody, cancellationToken);
        if (body is null)
        {
            return Refuse(delivery, StatusCodes.Status413PayloadTooLarge, "The body is larger than PlanBot reads.");
        }

        if (!signature.IsValid(body, Header(request, "X-Hub-Signature-256")))
        {
            return Refuse(delivery, StatusCodes.Status401Unauthorized, "The X-Hub-Signature-256 signature does not match the body.");
        }

        WebhookPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize(body, GatesJsonContext.Default.WebhookPayload);
        }
        catch (JsonException)
        {
            payload = null;
        }

        if (payload is null)
        {
            return Refuse(delivery, StatusCodes.Status400BadRequest, "The body is not a webhook payload.");
        }

        var name = Header(request, "X-GitHub-Event") ?? string.Empty;
        logger.GitHubDelivery(delivery, name, payload.Action ?? "-");
        try
        {
            return name switch
            {
                "ping" => TypedResults.Ok("pong"),
                "installation" => await InstallationAsync(payload, cancellationToken),
                "deployment_protection_rule" when payload.Action == "requested" => await DeploymentAsync(delivery, payload, cancellationToken),
                "deployment_status" when payload.Action == "created" => await DeploymentStatusAsync(delivery, payload, cancellationToken),
                _ => TypedResults.Accepted((string?)null, "Nothing to do for this event."),
            };
        }
        catch (Exception busy) when (busy is StoreUnavailableException or ConcurrencyException)
        {
            // GitHub does not redeliver by itself; the app's advanced settings can.
            logger.GitHubRefused(delivery, "the store is not answering");
            return TypedResults.Problem("PlanBot's storage is not answering; redeliver this delivery from the app's advanced settings.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private async Task<IResult> InstallationAsync(WebhookPayload payload, CancellationToken cancellationToken)
    {
        if (payload.Installation is not { Id: { } id, Account.Login: { } account })
        {
            return TypedResults.BadRequest("The installation has no id or account.");
        }

        var at = time.GetUtcNow();
        var installation = payload.Action switch
        {
            "deleted" => new GitHubInstallation(id, account, at, Removed: true),
            "suspend" => new GitHubInstallation(id, account, at, Suspended: true),
            _ => new GitHubInstallation(id, account, at),
        };
        await routing.InstallationAsync(installation, cancellationToken);
        return TypedResults.Ok();
    }

    private async Task<IResult> DeploymentAsync(string delivery, WebhookPayload payload, CancellationToken cancellationToken)
    {
        if (payload is not { Environment: { Length: > 0 } environment, DeploymentCallbackUrl: { } callback, Repository.FullName: { } repository, Installation.Id: not null })
        {
            return Refuse(delivery, StatusCodes.Status400BadRequest, "A deployment protection rule needs environment, deployment_callback_url, repository and installation.");
        }

        if (!github.IsCallbackUrl(callback))
        {
            return Refuse(delivery, StatusCodes.Status400BadRequest, "deployment_callback_url is not a protection rule callback of the configured GitHub API.");
        }

        var request = DeploymentRequests.Request(payload, time.GetUtcNow());
        var (route, unlinked) = await routing.FindAsync(repository, environment, cancellationToken);
        if (route is null)
        {
            return await RejectAsync(request, "not linked", unlinked!, cancellationToken);
        }

        var link = route.Link;
        if (DeploymentRequests.Version(payload, link.VersionFrom) is not { } version)
        {
            var source = GitHubLink.PayloadKey(link.VersionFrom) is { } key ? $"its payload's {key}" : $"its ref ({request.GitHub!.Ref ?? "none"})";
            return await RejectAsync(request, "no version", $"PlanBot found no release version of {link.Product} in this deployment: it reads {source}. Deploy a tag such as v2.4, or link the environment with `version payload`.", cancellationToken);
        }

        var answer = await desk.AskAsync(new GateQuestion(route.TenantId, link.Product, version, request), cancellationToken);
        if (answer.Plan is not { } plan)
        {
            return await RejectAsync(request, GateVerdicts.None, $"There is no deployment plan for {link.Product} {version} in PlanBot. Start it with `plan {link.Product} {version}`, have it approved, then re-run this deployment.", cancellationToken);
        }

        var state = GateVerdicts.State(plan);
        Count(state);
        logger.GitHubAsked(repository, environment, request.Run, state);
        return TypedResults.Accepted((string?)null, answer.FirstAsked ? $"Waiting on the plan for {plan.Title}: {state}." : "Already recorded.");
    }

    /// <summary>
    /// A deployment of a linked environment changed status: in progress, success, failure or error
    /// become the plan's deployment stage, said in its approval thread as GitHub's. The status's id is
    /// the event's, so a redelivery changes nothing; other statuses, unlinked environments and stages
    /// the plan cannot take are answered 202 with why, for the delivery log.
    /// </summary>
    private async Task<IResult> DeploymentStatusAsync(string delivery, WebhookPayload payload, CancellationToken cancellationToken)
    {
        if (payload is not { DeploymentStatus: { Id: { } statusId, State: { } state } status, Repository.FullName: { } repository }
            || (status.Environment ?? payload.Deployment?.Environment) is not { Length: > 0 } environment)
        {
            return Refuse(delivery, StatusCodes.Status400BadRequest, "A deployment status needs its id, state, environment and repository.");
        }

        DeploymentStage? stage = state switch
        {
            "in_progress" => DeploymentStage.Started,
            "success" => DeploymentStage.Deployed,
            "failure" or "error" => DeploymentStage.Failed,
            _ => null,
        };
        if (stage is null)
        {
            return TypedResults.Accepted((string?)null, $"Nothing to report for a deployment {state}.");
        }

        var (route, unlinked) = await routing.FindAsync(repository, environment, cancellationToken);
        if (route is null)
        {
            return TypedResults.Accepted((string?)null, unlinked);
        }

        if (DeploymentRequests.Version(payload, route.Link.VersionFrom) is not { } version)
        {
            return TypedResults.Accepted((string?)null, $"PlanBot found no release version of {route.Link.Product} in this deployment.");
        }

        var note = stage == DeploymentStage.Failed ? status.Description ?? $"GitHub reported the deployment as {state}" : status.Description;
        var result = await reports.ReportAsync(route.TenantId, route.Link.Product, version, stage.Value, "GitHub", note, $"github:{statusId}", cancellationToken);
        logger.GitHubAsked(repository, environment, $"deployment status {statusId}", result.Problem ?? result.Stage ?? "-");
        return result.Problem is { } refused
            ? TypedResults.Accepted((string?)null, refused)
            : TypedResults.Ok(result.Changed ? $"The deployment of {route.Link.Product} {version} is {result.Stage}." : "Already recorded.");
    }

    /// <summary>Turns down a deployment no plan answers, now: nothing is kept to answer it later.</summary>
    private async Task<IResult> RejectAsync(GateRequest request, string answer, string why, CancellationToken cancellationToken)
    {
        Count(answer);
        logger.GitHubAsked(request.GitHub!.Repository, request.Environment, request.Run, answer);
        GateReportResult result;
        try
        {
            result = await github.ReviewAsync(request.GitHub, request.Environment, approved: false, "PlanBot: " + why, cancellationToken);
        }
        catch (HttpRequestException)
        {
            result = new GateReportResult(GateReport.TryAgain);
        }

        PlanBotTelemetry.CountGateReport(GateSystem.GitHub, result.Result);
        if (result.Result == GateReport.TryAgain)
        {
            logger.InlineRejectionFailed(request.GitHub.Repository);
            return TypedResults.Problem("PlanBot could not answer GitHub; redeliver this delivery from the app's advanced settings.", statusCode: StatusCodes.Status502BadGateway);
        }

        return TypedResults.Ok(why);
    }

    private static void Count(string answer) =>
        PlanBotTelemetry.CountGateRequest(GateSystem.GitHub, answer);

    private IResult Refuse(string delivery, int status, string reason)
    {
        logger.GitHubRefused(delivery, reason);
        Count(status == StatusCodes.Status401Unauthorized ? "unauthorized" : "bad request");
        return TypedResults.Problem(reason, statusCode: status);
    }

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) && values.Count > 0 && values[0] is { Length: > 0 and <= 200 } value ? value : null;
}
