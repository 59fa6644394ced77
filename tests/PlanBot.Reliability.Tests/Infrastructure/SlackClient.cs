using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PlanBot.Slack.Inbound;
using PlanBot.Slack.Signing;
using PlanBot.Testing.Slack;

namespace PlanBot.Reliability.Tests.Infrastructure;

/// <summary>Posts requests to the host's Slack endpoints, signed as Slack signs them, and waits for the work they queued.</summary>
public sealed class SlackClient(ReliabilityHost host) : IDisposable
{
    public const string SigningSecret = "rel-signing-secret-5f1c2d9e8a7b4c3d";
    public const string BotToken = "xoxb-1111-2222-reliabilitybottoken";

    private readonly HttpClient http = CreateHttp(host);

    /// <summary>Slack settings for a host whose Web API is <paramref name="slack"/>.</summary>
    public static Dictionary<string, string?> Settings(FakeSlack slack) => new()
    {
        ["Slack:Enabled"] = "true",
        ["Slack:SigningSecret"] = SigningSecret,
        ["Slack:BotToken"] = BotToken,
        ["Slack:TeamId"] = SlackPayloads.TeamId,
        ["Slack:ApiAppId"] = SlackPayloads.AppId,
        ["Slack:ApiBaseUrl"] = slack.ApiBase.ToString(),
        ["Slack:PostInterval"] = "00:00:00",
    };

    public Task<SlackResponse> EventAsync(JsonNode envelope, int? retryNum = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var headers = retryNum is { } n
            ? new Dictionary<string, string> { ["X-Slack-Retry-Num"] = n.ToString(CultureInfo.InvariantCulture), ["X-Slack-Retry-Reason"] = "http_timeout" }
            : null;
        return PostAsync("/api/slack/events", Encoding.UTF8.GetBytes(envelope.ToJsonString()), "application/json", headers, cancellationToken: cancellationToken);
    }

    public Task<SlackResponse> CommandAsync(IDictionary<string, string> fields, CancellationToken cancellationToken = default) =>
        PostAsync("/api/slack/commands", Encoding.UTF8.GetBytes(Form(fields)), "application/x-www-form-urlencoded", cancellationToken: cancellationToken);

    public Task<SlackResponse> InteractionAsync(JsonNode payload, CancellationToken cancellationToken = default) =>
        PostAsync("/api/slack/interactivity", Encoding.UTF8.GetBytes(Form(new Dictionary<string, string> { ["payload"] = payload.ToJsonString() })), "application/x-www-form-urlencoded", cancellationToken: cancellationToken);

    /// <summary>
    /// Posts <paramref name="body"/> signed at <paramref name="timestamp"/> (now by default; any text
    /// with <paramref name="timestampText"/>) unless a signature is given.
    /// </summary>
    public async Task<SlackResponse> PostAsync(
        string path, byte[] body, string contentType, IReadOnlyDictionary<string, string>? headers = null, long? timestamp = null, string? signature = null,
        string? timestampText = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var ts = timestampText ?? (timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TryAddWithoutValidation(SlackSignatureVerifier.TimestampHeader, ts);
        request.Headers.TryAddWithoutValidation(SlackSignatureVerifier.SignatureHeader, signature ?? Sign(ts, body));
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        return new SlackResponse(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>Waits until the Slack work queue has nothing queued or running: at most 180 s, a bound against a hang, not a speed target (a loaded machine takes minutes over a fuzz run's backlog).</summary>
    public async Task WhenIdleAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        await host.Services.GetRequiredService<SlackWorkQueue>().WhenIdleAsync(deadline.Token);
    }

    /// <summary>Slack's signature, or a well-formed wrong one where the timestamp is blank (signing refuses it).</summary>
    private static string Sign(string timestamp, byte[] body) =>
        string.IsNullOrWhiteSpace(timestamp) ? "v0=" + new string('0', 64) : SlackSignatureVerifier.Sign(SigningSecret, timestamp, body);

    public static string Form(IDictionary<string, string> fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));

    public void Dispose() => http.Dispose();

    private static HttpClient CreateHttp(ReliabilityHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var client = host.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(30);
        return client;
    }
}

public sealed record SlackResponse(HttpStatusCode Status, string Body);
