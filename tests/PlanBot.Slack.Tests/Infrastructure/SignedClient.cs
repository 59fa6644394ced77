using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using PlanBot.Slack.Signing;

namespace PlanBot.Slack.Tests.Infrastructure;

/// <summary>Posts requests to the host's Slack endpoints, signed like Slack signs them.</summary>
public sealed class SignedClient(Uri address, string secret = SlackTestHost.SigningSecret, TimeProvider? clock = null) : IDisposable
{
    private readonly HttpClient http = new() { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };

    public Task<HttpResponseMessage> EventAsync(JsonNode envelope, int? retryNum = null)
    {
        var headers = retryNum is { } n
            ? new Dictionary<string, string> { ["X-Slack-Retry-Num"] = n.ToString(CultureInfo.InvariantCulture), ["X-Slack-Retry-Reason"] = "http_timeout" }
            : null;
        return PostAsync("api/slack/events", envelope.ToJsonString(), "application/json", headers);
    }

    public Task<HttpResponseMessage> CommandAsync(IDictionary<string, string> fields) =>
        PostAsync("api/slack/commands", Form(fields), "application/x-www-form-urlencoded");

    public Task<HttpResponseMessage> InteractionAsync(JsonNode payload) =>
        PostAsync("api/slack/interactivity", Form(new Dictionary<string, string> { ["payload"] = payload.ToJsonString() }), "application/x-www-form-urlencoded");

    public async Task<HttpResponseMessage> PostAsync(string path, string body, string contentType, IDictionary<string, string>? headers = null, long? timestamp = null, string? signature = null)
    {
        var ts = (timestamp ?? (clock ?? TimeProvider.System).GetUtcNow().ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", signature ?? SlackSignatureVerifier.Sign(secret, ts, bytes));
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.Add(name, value);
        }

        return await http.SendAsync(request);
    }

    public void Dispose() => http.Dispose();

    public static string Form(IDictionary<string, string> fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
}
