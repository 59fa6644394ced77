using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PlanBot.BotFramework.Schema;

namespace PlanBot.BotFramework.Connector;

/// <summary>
/// The Bot Connector REST API v3 (send, reply, update). An error surfaces as a
/// <see cref="ConnectorException"/>. The HttpClient's pipeline adds the bot's token and retries
/// throttling and transient failures (<see cref="IsTransient"/>, lost connections), honouring
/// <c>Retry-After</c> (<c>AddBotFramework</c> sets both up); this class sends each call once.
/// </summary>
public sealed class ConnectorClient(HttpClient http, ConversationPacer pacer)
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
        using var request = new HttpRequestMessage(method, url) { Content = content };
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return await ReadAsync<T>(response, cancellationToken);
        }

        var correlation = response.Headers.TryGetValues("X-Correlating-OperationId", out var values) ? values.FirstOrDefault() : null;
        var error = await ReadErrorAsync(response, cancellationToken);
        throw new ConnectorException(response.StatusCode, error?.Code, error?.Message ?? response.ReasonPhrase ?? "no detail", correlation);
    }

    /// <summary>What the Connector's rate-limit guidance says to retry (PROTOCOLS §2.4): 429, 412, 502, 503, 504.</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

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
