using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using PlanBot.BotFramework.Authentication;
using PlanBot.BotFramework.Schema;
using PlanBot.Conversations.Engine;
using PlanBot.Conversations.State;

namespace PlanBot.BotFramework.Teams;

/// <summary>
/// <c>POST /api/messages</c>: the Bot Framework messaging endpoint. Every request is authenticated
/// before anything is processed. The POST is answered after the turn's replies were sent, so a
/// client that waits for the answer has seen the replies; an invoke is answered with its result.
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

    private static async Task<IResult> HandleAsync(
        HttpRequest request,
        TurnProcessor processor,
        BotFrameworkReplyChannel channel,
        BotFrameworkAuthenticator authenticator,
        TrustedServiceUrls trustedServiceUrls,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("PlanBot.BotFramework.Endpoint");
        if (request.ContentLength > MaxBodyBytes)
        {
            return TooLarge();
        }

        Activity? activity;
        try
        {
            var body = await ReadBodyAsync(request, cancellationToken);
            if (!System.Text.Unicode.Utf8.IsValid(body.Span))
            {
                // Parts of an activity are kept as raw JSON and read later; refuse bad bytes up front.
                logger.ActivityRefused("The body is not valid UTF-8.");
                return TypedResults.BadRequest("The body is not valid UTF-8.");
            }

            activity = JsonSerializer.Deserialize(body.Span, BotFrameworkJsonContext.Default.Activity);
        }
        catch (JsonException malformed)
        {
            var reason = $"The body is not a valid activity: {malformed.Message}";
            logger.ActivityRefused(reason);
            return TypedResults.BadRequest(reason);
        }
        catch (BodyTooLargeException)
        {
            return TooLarge();
        }

        if (activity is null)
        {
            return TypedResults.BadRequest("The body is not an activity.");
        }

        var authentication = await authenticator.AuthenticateAsync(
            request.Headers.Authorization.ToString(), activity.ChannelId ?? string.Empty, activity.ServiceUrl ?? string.Empty, cancellationToken);
        if (!authentication.Succeeded)
        {
            return TypedResults.Problem(authentication.FailureReason, statusCode: authentication.StatusCode ?? StatusCodes.Status401Unauthorized);
        }

        if (ActivityValidation.Problem(activity) is { } problem)
        {
            logger.ActivityRefused(problem);
            return TypedResults.BadRequest(problem);
        }

        if (authentication.IsAuthenticated)
        {
            // Only a service URL the Connector vouched for ever receives the bot's token.
            trustedServiceUrls.Trust(activity.ServiceUrl!);
        }

        if (activity.Type == "invoke")
        {
            return await InvokeAsync(activity, processor, channel, cancellationToken);
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

    private static async Task<IResult> InvokeAsync(Activity activity, TurnProcessor processor, BotFrameworkReplyChannel channel, CancellationToken cancellationToken)
    {
        if (activity.Name != "adaptiveCard/action")
        {
            return Invoke(InvokeResponses.Error(501, "NotImplemented", $"PlanBot does not handle the invoke \"{activity.Name}\"."));
        }

        var turn = ActivityMapper.ToTurn(activity);
        if (turn?.Action is null)
        {
            return Invoke(InvokeResponses.Error(400, "NotSupported", "Only Action.Execute with a verb is supported here."));
        }

        var outcome = await processor.ProcessAsync(turn, channel, cancellationToken);
        return Invoke(outcome.InvokeReply is { } reply
            ? InvokeResponses.From(reply)
            : InvokeResponses.Message(outcome.Status == TurnStatus.StoreUnavailable
                ? "That was not saved: my storage is not answering. Please try again in a minute."
                : "Done."));
    }

    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await new LimitedStream(request.Body, MaxBodyBytes).CopyToAsync(buffer, cancellationToken);
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    private static IResult Invoke(InvokeResponse response) =>
        TypedResults.Json(response, BotFrameworkJsonContext.Default.InvokeResponse);

    private static IResult TooLarge() =>
        TypedResults.Problem($"The body is larger than {MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
}

/// <summary>Builds the invoke answers Teams understands.</summary>
internal static class InvokeResponses
{
    public static InvokeResponse From(RenderedReply reply) =>
        reply.CardJson is { } card && reply.CardContentType == InvokeResponse.CardType
            ? new InvokeResponse { Type = InvokeResponse.CardType, Value = Parse(card) }
            : Message(reply.Text ?? string.Empty);

    public static InvokeResponse Message(string text) =>
        new() { Type = InvokeResponse.MessageType, Value = JsonSerializer.SerializeToElement(text, BotFrameworkJsonContext.Default.String) };

    public static InvokeResponse Error(int status, string code, string message) => new()
    {
        StatusCode = status,
        Type = InvokeResponse.ErrorType,
        Value = JsonSerializer.SerializeToElement(
            new Dictionary<string, string> { ["code"] = code, ["message"] = message },
            BotFrameworkJsonContext.Default.DictionaryStringString),
    };

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
