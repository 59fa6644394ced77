namespace PlanBot.Storage.Cosmos.Tests.Infrastructure;

/// <summary>Counts the HTTP requests the Cosmos SDK sends (in Gateway mode, every one of them).</summary>
public sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private long count;
    private readonly List<string> recent = [];

    public long Count => Interlocked.Read(ref count);

    /// <summary>Method and path of the requests sent since the last <see cref="Reset"/>.</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (recent)
            {
                return recent.ToList();
            }
        }
    }

    public void Reset()
    {
        lock (recent)
        {
            recent.Clear();
            Interlocked.Exchange(ref count, 0);
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (recent)
        {
            Interlocked.Increment(ref count);
            recent.Add($"{request.Method} {request.RequestUri?.AbsolutePath}");
        }

        return base.SendAsync(request, cancellationToken);
    }
}
