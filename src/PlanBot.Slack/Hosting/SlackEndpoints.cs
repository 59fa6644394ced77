using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PlanBot.Slack.Commands;
using PlanBot.Slack.Events;
using PlanBot.Slack.Inbound;
using PlanBot.Slack.Interaction;
using PlanBot.Slack.Turns;

namespace PlanBot.Slack.Hosting;

/// <summary>
/// Slack's request URLs: <c>POST /api/slack/events</c>, <c>/commands</c> and <c>/interactivity</c>.
/// Each is verified (signature, then app and workspace), answered within Slack's 3 seconds, and its
/// turn queued. Nothing is mapped when Slack is off or runs in Socket Mode.
/// </summary>
public static class SlackEndpoints
{
    public const string RetryNumHeader = "X-Slack-Retry-Num";

    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<SlackRegistration>() is not { HttpEndpoints: true })
        {
            return endpoints;
        }

        var slack = endpoints.MapGroup("/api/slack");
        slack.MapPost("/events", EventsAsync);
        slack.MapPost("/commands", CommandsAsync);
        slack.MapPost("/interactivity", InteractivityAsync);
        return endpoints;
    }

    private static async Task<IResult> EventsAsync(HttpRequest request, SlackRequestReader reader, SlackTenancy tenancy, SlackInbound inbound, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var body = await reader.ReadAsync(request, "events", cancellationToken);
        if (body.Refusal is { } refused)
        {
            return refused;
        }

        loggers.CreateLogger(typeof(SlackEndpoints)).InboundPayload(body.Text!);
        EventEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(body.Text!, SlackJsonContext.Default.EventEnvelope);
        }
        catch (JsonException)
        {
            envelope = null;
        }

        if (envelope is null)
        {
            return BadRequest(reader, "events", "The body is not an Events API envelope.");
        }

        if (envelope.Type != "url_verification" && tenancy.Refusal(envelope.ApiAppId, envelope.TeamId, envelope.EnterpriseId) is { } reason)
        {
            return reader.Refuse("events", StatusCodes.Status401Unauthorized, reason).Refusal!;
        }

        var retry = request.Headers[RetryNumHeader].ToString();
        return await CompleteAsync(inbound.Event(envelope, retry.Length == 0 ? null : retry), cancellationToken);
    }

    private static async Task<IResult> CommandsAsync(HttpRequest request, SlackRequestReader reader, SlackTenancy tenancy, SlackInbound inbound, CancellationToken cancellationToken)
    {
        var body = await reader.ReadAsync(request, "commands", cancellationToken);
        if (body.Refusal is { } refused)
        {
            return refused;
        }

        var command = SlashCommand.FromForm(body.Text!);
        if (command.Command is null)
        {
            return BadRequest(reader, "commands", "The body is not a slash command.");
        }

        if (tenancy.Refusal(command.ApiAppId, command.TeamId, command.EnterpriseId) is { } reason)
        {
            return reader.Refuse("commands", StatusCodes.Status401Unauthorized, reason).Refusal!;
        }

        return await CompleteAsync(inbound.Command(command), cancellationToken);
    }

    private static async Task<IResult> InteractivityAsync(HttpRequest request, SlackRequestReader reader, SlackTenancy tenancy, SlackInbound inbound, CancellationToken cancellationToken)
    {
        var body = await reader.ReadAsync(request, "interactivity", cancellationToken);
        if (body.Refusal is { } refused)
        {
            return refused;
        }

        InteractionPayload? payload;
        try
        {
            payload = InteractionPayload.FormPayload(body.Text!) is { } json
                ? JsonSerializer.Deserialize(json, SlackJsonContext.Default.InteractionPayload)
                : null;
        }
        catch (JsonException)
        {
            payload = null;
        }

        if (payload is null)
        {
            return BadRequest(reader, "interactivity", "The body has no interaction payload.");
        }

        if (tenancy.Refusal(payload.ApiAppId, payload.TeamId, payload.EnterpriseId) is { } reason)
        {
            return reader.Refuse("interactivity", StatusCodes.Status401Unauthorized, reason).Refusal!;
        }

        return await CompleteAsync(inbound.Interaction(payload), cancellationToken);
    }

    private static async Task<IResult> CompleteAsync(SlackWork work, CancellationToken cancellationToken)
    {
        var instead = work.ContinueAsync is null ? null : await work.ContinueAsync(cancellationToken);
        return ToResult(instead ?? work.Ack);
    }

    private static IResult ToResult(SlackAck ack)
    {
        if (ack.Body is { } json)
        {
            return TypedResults.Text(json.ToJsonString(), "application/json", Encoding.UTF8, ack.Status);
        }

        if (ack.Text is { } text)
        {
            return TypedResults.Text(text, "text/plain", Encoding.UTF8, ack.Status);
        }

        return ack.Status == StatusCodes.Status200OK ? TypedResults.Ok() : TypedResults.StatusCode(ack.Status);
    }

    private static IResult BadRequest(SlackRequestReader reader, string endpoint, string reason) =>
        reader.Refuse(endpoint, StatusCodes.Status400BadRequest, reason).Refusal!;
}
