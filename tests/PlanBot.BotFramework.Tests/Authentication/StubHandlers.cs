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
    private readonly ConcurrentQueue<(Uri Uri, string? Authorization)> _received = new();

    public IReadOnlyCollection<(Uri Uri, string? Authorization)> Received => _received;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _received.Enqueue((request.RequestUri!, request.Headers.Authorization?.ToString()));
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
    }
}

internal sealed class CountingTokenProvider : IConnectorTokenProvider
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult("connector-token");
    }
}
