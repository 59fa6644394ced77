using System.Collections.Concurrent;
using System.Net;
using PlanBot.BotFramework.Authentication;

namespace PlanBot.BotFramework.Tests.Authentication;

/// <summary>
/// Stands in for the Connector behind the authorization handler: answers 200 and remembers where each
/// request went and the Authorization header it carried.
/// </summary>
internal sealed class AuthorizationRecorder : HttpMessageHandler
{
    private readonly ConcurrentQueue<(Uri Uri, string? Authorization)> received = new();

    public IReadOnlyCollection<(Uri Uri, string? Authorization)> Received => received;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        received.Enqueue((request.RequestUri!, request.Headers.Authorization?.ToString()));
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
    }
}

internal sealed class CountingTokenProvider : IConnectorTokenProvider
{
    private int calls;

    public int Calls => Volatile.Read(ref calls);

    public Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref calls);
        return Task.FromResult("connector-token");
    }
}
