using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace PlanBot.Reliability.Tests.Infrastructure;

/// <summary>Posts activities to the host's /api/messages, as the Bot Connector would, and reads what came back.</summary>
public sealed class TeamsClient(ReliabilityHost host) : IDisposable
{
    private readonly HttpClient http = CreateHttp(host);

    public FaultyConnector Connector => host.Connector;

    /// <summary>The Authorization header every request carries unless one is given (a fresh Connector token, when set).</summary>
    public Func<string>? Bearer { get; set; }

    public async Task<TeamsResponse> PostAsync(JsonNode activity, string? bearer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return await PostRawAsync(Encoding.UTF8.GetBytes(activity.ToJsonString()), bearer, cancellationToken);
    }

    public async Task<TeamsResponse> PostRawAsync(byte[] body, string? bearer = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        bearer ??= Bearer?.Invoke();
        if (bearer is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", bearer);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        return new TeamsResponse(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>Sends a message, checks the 200, and returns what was delivered while the turn ran.</summary>
    public async Task<IReadOnlyList<Delivery>> SayAsync(TeamsConversation conversation, TeamsUser from, string text, string? id = null, IReadOnlyList<TeamsUser>? mentions = null) =>
        await StepAsync(TeamsActivities.Message(conversation, from, text, id, mentions));

    /// <summary>Posts an activity, checks the 200, and returns what was delivered while the turn ran.</summary>
    public async Task<IReadOnlyList<Delivery>> StepAsync(JsonNode activity)
    {
        var before = Connector.LastSequence;
        var response = await PostAsync(activity);
        Assert.True(response.Status == HttpStatusCode.OK, $"{response.Status}: {response.Body}");
        return Connector.Since(before);
    }

    public void Dispose() => http.Dispose();

    private static HttpClient CreateHttp(ReliabilityHost host)
    {
        var client = host.CreateClient();
        // A hang is a failure too: no request to the host may take longer than this.
        client.Timeout = TimeSpan.FromSeconds(30);
        return client;
    }
}

public sealed record TeamsResponse(HttpStatusCode Status, string Body);
