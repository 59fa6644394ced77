using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using PlanBot.BotFramework.Schema;
using PlanBot.Conversations.Engine;

namespace PlanBot.BotFramework.Teams;

/// <summary>
/// <c>POST /api/messages</c>: the Bot Framework messaging endpoint. The POST is answered after the
/// turn's replies were sent, so a client that waits for the answer has seen the replies.
/// </summary>
public static class BotFrameworkEndpoint
{
    /// <summary>Teams messages are at most about 100 KB; anything far beyond is not an activity.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapBotFramework(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost("/api/messages", HandleAsync);
        return endpoints;
    }

    private static async Task<Results<Ok, BadRequest<string>, StatusCodeHttpResult, ProblemHttpResult>> HandleAsync(
        HttpRequest request,
        TurnProcessor processor,
        BotFrameworkReplyChannel channel,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("PlanBot.BotFramework.Endpoint");
        if (request.ContentLength > MaxBodyBytes)
        {
            return TypedResults.Problem($"The body is larger than {MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync(new LimitedStream(request.Body, MaxBodyBytes), BotFrameworkJsonContext.Default.Activity, cancellationToken);
        }
        catch (JsonException malformed)
        {
            var reason = $"The body is not a valid activity: {malformed.Message}";
            logger.ActivityRefused(reason);
            return TypedResults.BadRequest(reason);
        }
        catch (BodyTooLargeException)
        {
            return TypedResults.Problem($"The body is larger than {MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        if (activity is null)
        {
            return TypedResults.BadRequest("The body is not an activity.");
        }

        if (ActivityValidation.Problem(activity) is { } problem)
        {
            logger.ActivityRefused(problem);
            return TypedResults.BadRequest(problem);
        }

        var turn = ActivityMapper.ToTurn(activity);
        if (turn is null)
        {
            logger.ActivityIgnored(activity.Type!);
            return TypedResults.Ok();
        }

        await processor.ProcessAsync(turn, channel, cancellationToken);
        return TypedResults.Ok();
    }
}
