using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PlanBot.BotFramework.Schema;
using PlanBot.Conversations;

namespace PlanBot.BotFramework.Connector;

/// <summary>
/// The Bot Connector REST API v3 (send, reply, update). Throttling and transient failures (429,
/// 412, 502, 503, 504, lost connections) are retried with bounded exponential backoff and jitter,
/// honouring <c>Retry-After</c>; any other error surfaces at once as a <see cref="ConnectorException"/>.
/// The bot's token is added by a handler in the HttpClient's pipeline, not here.
/// </summary>
public sealed class ConnectorClient(HttpClient http, ConnectorRetryOptions options, ConversationPacer pacer, TimeProvider time, ILogger<ConnectorClient> logger)
{
    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, OutboundActivity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        return PacedAsync(conversationId, () => SendAsync<ResourceResponse>(HttpMethod.Post, Url(serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities"), activity, cancellationToken), cancellationToken);
    }

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, OutboundActivity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(activityId);
        return PacedAsync(conversationId, () => SendAsync<ResourceResponse>(HttpMethod.Post, Url(serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}"), activity, cancellationToken), cancellationToken);
    }

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, OutboundActivity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(activityId);
        return SendAsync<ResourceResponse>(HttpMethod.Put, Url(serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}"), activity, cancellationToken);
    }

    /// <summary>One member of a conversation, looked up by id, AAD object id or UPN (Teams); null when not a member.</summary>
    public async Task<ChannelAccount?> GetMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(memberId);
        var url = Url(serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/members/{Uri.EscapeDataString(memberId)}");
        try
        {
            var member = await SendAsync<ChannelAccount>(HttpMethod.Get, url, content: null, cancellationToken);
            return member.Id is null ? null : member;
        }
        catch (ConnectorException missing) when (missing.Status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest)
        {
            return null;
        }
    }

    /// <summary>Every member of a conversation (for small teams and chats; Teams pages large rosters).</summary>
    public async Task<IReadOnlyList<ChannelAccount>> GetMembersAsync(string serviceUrl, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        var url = Url(serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/members");
        var members = await SendAsync<MemberList>(HttpMethod.Get, url, content: null, cancellationToken);
        return members;
    }

    /// <summary>Starts a conversation: a new thread in a channel, or a personal chat with one user.</summary>
    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return SendAsync<ConversationResourceResponse>(
            HttpMethod.Post,
            Url(serviceUrl, "v3/conversations"),
            JsonContent.Create(parameters, BotFrameworkJsonContext.Outbound.ConversationParameters),
            cancellationToken);
    }

    private async Task<T> PacedAsync<T>(string conversationId, Func<Task<T>> send, CancellationToken cancellationToken)
    {
        await pacer.WaitTurnAsync(conversationId, cancellationToken);
        return await send();
    }

    private static Uri Url(string serviceUrl, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceUrl);
        var root = serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/";
        return new Uri(new Uri(root, UriKind.Absolute), path);
    }

    private Task<T> SendAsync<T>(HttpMethod method, Uri url, OutboundActivity activity, CancellationToken cancellationToken)
        where T : class, new() =>
        SendAsync<T>(method, url, JsonContent.Create(activity, BotFrameworkJsonContext.Outbound.OutboundActivity), cancellationToken);

    private async Task<T> SendAsync<T>(HttpMethod method, Uri url, HttpContent? content, CancellationToken cancellationToken)
        where T : class, new()
    {
        var body = content is null ? null : await content.ReadAsByteArrayAsync(cancellationToken);
        var contentType = content?.Headers.ContentType;
        content?.Dispose();
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                using var request = new HttpRequestMessage(method, url);
                if (body is not null)
                {
                    request.Content = new ByteArrayContent(body);
                    request.Content.Headers.ContentType = contentType;
                }
                response = await http.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException failure) when (attempt < options.MaxAttempts)
            {
                var wait = Backoff(attempt);
                logger.ConnectorRetry(method.Method, null, attempt, wait.TotalMilliseconds, failure.HttpRequestError.ToString());
                PlanBotTelemetry.ChannelRetries.Add(1, new("channel", "botframework"), new("status", "connection"));
                await Task.Delay(wait, time, cancellationToken);
                continue;
            }

            using (response)
            {
                if (response.IsSuccessStatusCode)
                {
                    return await ReadAsync<T>(response, cancellationToken);
                }

                var correlation = response.Headers.TryGetValues("X-Correlating-OperationId", out var values) ? values.FirstOrDefault() : null;
                if (IsTransient(response.StatusCode) && attempt < options.MaxAttempts)
                {
                    var wait = RetryAfter(response) ?? Backoff(attempt);
                    logger.ConnectorRetry(method.Method, (int)response.StatusCode, attempt, wait.TotalMilliseconds, correlation);
                    PlanBotTelemetry.ChannelRetries.Add(1, new("channel", "botframework"), new("status", (int)response.StatusCode));
                    await Task.Delay(wait, time, cancellationToken);
                    continue;
                }

                var error = await ReadErrorAsync(response, cancellationToken);
                throw new ConnectorException(response.StatusCode, error?.Code, error?.Message ?? response.ReasonPhrase ?? "no detail", correlation);
            }
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        if (wait is null)
        {
            return null;
        }

        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > options.MaxDelay ? options.MaxDelay : wait;
    }

    private TimeSpan Backoff(int attempt)
    {
        var exponential = options.BaseDelay * Math.Pow(2, attempt - 1);
        var jittered = exponential * (1 + (Random.Shared.NextDouble() * 0.5));
        return jittered > options.MaxDelay ? options.MaxDelay : jittered;
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
        where T : class, new()
    {
        // The playground answers some sends with 202 and no body; that is a success without an id.
        if (response.Content.Headers.ContentLength == 0 || response.StatusCode == HttpStatusCode.NoContent)
        {
            return new T();
        }

        try
        {
            var typeInfo = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)BotFrameworkJsonContext.Default.GetTypeInfo(typeof(T))!;
            return await response.Content.ReadFromJsonAsync(typeInfo, cancellationToken) ?? new T();
        }
        catch (JsonException)
        {
            return new T();
        }
    }

    private static async Task<ErrorBody?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadFromJsonAsync(BotFrameworkJsonContext.Default.ErrorResponse, cancellationToken);
            return body?.Error;
        }
        catch (Exception failure) when (failure is JsonException or NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }
}
