using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace PlanBot.Testing.Teams;

/// <summary>
/// Stands in for the Bot Connector at the HTTP level: records every call the bot makes and answers
/// like the Connector does (<c>{"id": …}</c>), or with a status the test chooses.
/// </summary>
public sealed class RecordingConnector : HttpMessageHandler
{
    private int nextId;

    public ConcurrentQueue<RecordedCall> Calls { get; } = new();

    /// <summary>When set, answers the next calls with this status instead of success.</summary>
    public ConcurrentQueue<HttpStatusCode> Failures { get; } = new();

    /// <summary>The texts of the messages the bot sent or updated, in order.</summary>
    public IReadOnlyList<string> Texts => Calls.Where(c => c.Method != HttpMethod.Get).Select(c => c.Text ?? string.Empty).ToList();

    public void Clear() => Calls.Clear();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        Calls.Enqueue(new RecordedCall(request.Method, request.RequestUri!, body, request.Headers.Authorization?.ToString()));
        if (Failures.TryDequeue(out var status))
        {
            return new HttpResponseMessage(status)
            {
                Content = new StringContent("""{"error":{"code":"ServiceError","message":"injected"}}""", Encoding.UTF8, "application/json"),
            };
        }

        if (request.Method == HttpMethod.Get)
        {
            // Member look-ups: like a personal chat, where nobody but the user is a member.
            return new HttpResponseMessage(HttpStatusCode.NotFound)
            {
                Content = new StringContent("""{"error":{"code":"MemberNotFoundInConversation","message":"not a member"}}""", Encoding.UTF8, "application/json"),
            };
        }

        var id = Interlocked.Increment(ref nextId);
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent($$"""{"id":"reply-{{id}}"}""", Encoding.UTF8, "application/json"),
        };
    }
}
