using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PlanBot.Slack.Blocks;

namespace PlanBot.Slack.WebApi;

/// <summary>
/// The Slack Web API methods PlanBot calls. Write methods send JSON (<c>application/json;
/// charset=utf-8</c>), read methods a form. Slack's <c>ok:false</c> surfaces at once as a
/// <see cref="SlackApiException"/>. The HttpClient's pipeline (set up by <c>AddSlack</c>) adds the
/// token (<see cref="SlackTokenHandler"/>) and retries 429, 5xx and lost connections, waiting out
/// <c>Retry-After</c> up to <see cref="SlackOptions.MaxRetryDelay"/>, <see cref="SlackOptions.MaxAttempts"/>
/// tries in all; this class sends each call once.
/// </summary>
public sealed class SlackWebApiClient(HttpClient http, IOptions<SlackOptions> options, ChannelPacer pacer, ILogger<SlackWebApiClient> logger)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public async Task<PostMessageResponse> PostMessageAsync(PostMessageRequest message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await pacer.WaitTurnAsync(message.Channel, cancellationToken);
        return await CallJsonAsync("chat.postMessage", message, SlackJsonContext.Default.PostMessageRequest, SlackJsonContext.Default.PostMessageResponse, SlackTokenKind.Bot, cancellationToken);
    }

    public Task<PostMessageResponse> UpdateMessageAsync(UpdateMessageRequest update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        return CallJsonAsync("chat.update", update, SlackJsonContext.Default.UpdateMessageRequest, SlackJsonContext.Default.PostMessageResponse, SlackTokenKind.Bot, cancellationToken);
    }

    public Task<PostEphemeralResponse> PostEphemeralAsync(PostEphemeralRequest message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return CallJsonAsync("chat.postEphemeral", message, SlackJsonContext.Default.PostEphemeralRequest, SlackJsonContext.Default.PostEphemeralResponse, SlackTokenKind.Bot, cancellationToken);
    }

    public Task<ViewResponse> OpenViewAsync(string triggerId, ModalView view, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(triggerId);
        ArgumentNullException.ThrowIfNull(view);
        return CallJsonAsync("views.open", new ViewsOpenRequest { TriggerId = triggerId, View = view }, SlackJsonContext.Default.ViewsOpenRequest, SlackJsonContext.Default.ViewResponse, SlackTokenKind.Bot, cancellationToken);
    }

    public Task<ViewResponse> PublishViewAsync(string userId, HomeView view, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(view);
        return CallJsonAsync("views.publish", new ViewsPublishRequest { UserId = userId, View = view }, SlackJsonContext.Default.ViewsPublishRequest, SlackJsonContext.Default.ViewResponse, SlackTokenKind.Bot, cancellationToken);
    }

    public Task<ViewResponse> UpdateViewAsync(string viewId, ModalView view, string? hash, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(viewId);
        ArgumentNullException.ThrowIfNull(view);
        return CallJsonAsync("views.update", new ViewsUpdateRequest { ViewId = viewId, View = view, Hash = hash }, SlackJsonContext.Default.ViewsUpdateRequest, SlackJsonContext.Default.ViewResponse, SlackTokenKind.Bot, cancellationToken);
    }

    public async Task<SlackUser> GetUserAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var response = await CallFormAsync("users.info", [new("user", userId)], SlackJsonContext.Default.UserInfoResponse, SlackTokenKind.Bot, cancellationToken);
        return response.User ?? throw new SlackApiException("users.info", "no_user_in_response");
    }

    public async Task<SlackConversation> GetConversationAsync(string channelId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        var response = await CallFormAsync("conversations.info", [new("channel", channelId)], SlackJsonContext.Default.ConversationInfoResponse, SlackTokenKind.Bot, cancellationToken);
        return response.Channel ?? throw new SlackApiException("conversations.info", "no_channel_in_response");
    }

    /// <summary>The workspace member with this email, or null when there is none (<c>users:read.email</c>).</summary>
    public async Task<SlackUser?> LookupUserByEmailAsync(string email, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        try
        {
            var response = await CallFormAsync("users.lookupByEmail", [new("email", email)], SlackJsonContext.Default.UserInfoResponse, SlackTokenKind.Bot, cancellationToken);
            return response.User;
        }
        catch (SlackApiException missing) when (missing.Error == "users_not_found")
        {
            return null;
        }
    }

    /// <summary>
    /// The user ids of a channel's members, every page up to <paramref name="maxMembers"/>; a channel
    /// with more members than that is listed in part.
    /// </summary>
    public async Task<IReadOnlyList<string>> GetMembersAsync(string channelId, int maxMembers, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        var members = new List<string>();
        string? cursor = null;
        do
        {
            KeyValuePair<string, string>[] fields = cursor is null
                ? [new("channel", channelId), new("limit", "1000")]
                : [new("channel", channelId), new("limit", "1000"), new("cursor", cursor)];
            var page = await CallFormAsync("conversations.members", fields, SlackJsonContext.Default.ConversationMembersResponse, SlackTokenKind.Bot, cancellationToken);
            members.AddRange(page.Members ?? []);
            cursor = page.ResponseMetadata?.NextCursor is { Length: > 0 } next ? next : null;
        }
        while (cursor is not null && members.Count < maxMembers);

        return members;
    }

    /// <summary>Socket Mode: a fresh WebSocket URL, asked for with the app-level token.</summary>
    public async Task<Uri> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var response = await CallFormAsync("apps.connections.open", [], SlackJsonContext.Default.ConnectionsOpenResponse, SlackTokenKind.App, cancellationToken);
        return Uri.TryCreate(response.Url, UriKind.Absolute, out var url) && url.Scheme is "wss" or "ws"
            ? url
            : throw new SlackApiException("apps.connections.open", "no_url_in_response");
    }

    private Task<TResponse> CallJsonAsync<TRequest, TResponse>(
        string method, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, SlackTokenKind token, CancellationToken cancellationToken)
        where TResponse : SlackResponse
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, requestType);
        return CallAsync(method, () =>
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = Json;
            return content;
        }, responseType, token, cancellationToken);
    }

    private Task<TResponse> CallFormAsync<TResponse>(
        string method, KeyValuePair<string, string>[] fields, JsonTypeInfo<TResponse> responseType, SlackTokenKind token, CancellationToken cancellationToken)
        where TResponse : SlackResponse =>
        CallAsync(method, () => new FormUrlEncodedContent(fields), responseType, token, cancellationToken);

    private async Task<TResponse> CallAsync<TResponse>(
        string method, Func<HttpContent> content, JsonTypeInfo<TResponse> responseType, SlackTokenKind token, CancellationToken cancellationToken)
        where TResponse : SlackResponse
    {
        var url = new Uri(new Uri(options.Value.ApiBaseUrl, UriKind.Absolute), method);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content() };
        request.Options.Set(SlackTokenHandler.TokenKind, token);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            throw new SlackApiException(method, "ratelimited", response.StatusCode);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new SlackApiException(method, $"http_{(int)response.StatusCode}", response.StatusCode);
        }

        var result = await ReadAsync(method, response, responseType, cancellationToken);
        if (!result.Ok)
        {
            var details = result.ResponseMetadata?.Messages;
            logger.WebApiRefused(method, result.Error ?? "unknown_error");
            throw new SlackApiException(method, result.Error ?? "unknown_error", response.StatusCode, details);
        }

        if (result.Warning is { } warning)
        {
            logger.WebApiWarning(method, warning);
        }

        return result;
    }

    /// <summary>What is worth another try (Slack's 429 and its server errors); <c>ok:false</c> never is.</summary>
    public static bool IsTransient(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static async Task<TResponse> ReadAsync<TResponse>(string method, HttpResponseMessage response, JsonTypeInfo<TResponse> type, CancellationToken cancellationToken)
        where TResponse : SlackResponse
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        try
        {
            return JsonSerializer.Deserialize(body, type) ?? throw new SlackApiException(method, "empty_response", response.StatusCode);
        }
        catch (JsonException)
        {
            var start = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 80));
            throw new SlackApiException(method, "invalid_response", response.StatusCode, [$"not JSON: {start}"]);
        }
    }
}
