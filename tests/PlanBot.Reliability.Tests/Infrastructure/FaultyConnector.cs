using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using PlanBot.Testing.Teams;

namespace PlanBot.Reliability.Tests.Infrastructure;

/// <summary>
/// The Bot Connector at the HTTP level, with faults on demand. Every attempt is counted; a send that
/// gets through is recorded in <see cref="Delivered"/> (what users actually saw, in order) and answered
/// like the Connector (<c>{"id":…}</c>; a new channel thread gets a conversation and activity id). Member
/// look-ups answer from <see cref="Members"/> and 404 otherwise.
/// </summary>
public sealed class FaultyConnector : HttpMessageHandler
{
    private long sequence;
    private int attempts;

    /// <summary>Applied to the next sends, one each, before anything is delivered.</summary>
    public ConcurrentQueue<ConnectorFault> Faults { get; } = new();

    /// <summary>While true, every send fails in transit (as if the host lost the network or died before sending).</summary>
    public bool FailEverySend { get; set; }

    public ConcurrentQueue<Delivery> Delivered { get; } = new();

    /// <summary>Member look-ups by UPN (Teams accepts a UPN for get member).</summary>
    public ConcurrentDictionary<string, TeamsUser> Members { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Sends tried (not look-ups), faults included.</summary>
    public int Attempts => Volatile.Read(ref attempts);

    public long LastSequence => Interlocked.Read(ref sequence);

    /// <summary>What was delivered after <paramref name="after"/> (a <see cref="LastSequence"/> taken earlier).</summary>
    public IReadOnlyList<Delivery> Since(long after) => Delivered.Where(d => d.Sequence > after).OrderBy(d => d.Sequence).ToList();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var call = new RecordedCall(request.Method, request.RequestUri!, body, request.Headers.Authorization?.ToString());
        if (request.Method == HttpMethod.Get)
        {
            return LookUp(request.RequestUri!);
        }

        Interlocked.Increment(ref attempts);
        if (FailEverySend)
        {
            throw ConnectorFault.ResetException();
        }

        if (Faults.TryDequeue(out var fault))
        {
            return await fault.ApplyAsync(cancellationToken);
        }

        var number = Interlocked.Increment(ref sequence);
        Delivered.Enqueue(new Delivery(number, call));
        var path = request.RequestUri!.AbsolutePath;
        if (request.Method == HttpMethod.Post && path.EndsWith("/v3/conversations", StringComparison.Ordinal))
        {
            // A new post in a channel: the thread's conversation id is the channel's plus the message id.
            var channel = System.Text.Json.Nodes.JsonNode.Parse(body)?["channelData"]?["channel"]?["id"]?.GetValue<string>() ?? "19:unknown";
            var messageId = (1_000_000 + number).ToString(CultureInfo.InvariantCulture);
            return Json(HttpStatusCode.Created, $$"""{"id":"{{channel}};messageid={{messageId}}","activityId":"{{messageId}}"}""");
        }

        return Json(HttpStatusCode.OK, $$"""{"id":"reply-{{number}}"}""");
    }

    private HttpResponseMessage LookUp(Uri uri)
    {
        var last = Uri.UnescapeDataString(uri.Segments[^1].TrimEnd('/'));
        if (Members.TryGetValue(last, out var member))
        {
            return Json(HttpStatusCode.OK, $$"""{"id":"{{member.Id}}","name":"{{member.Name}}","aadObjectId":"{{member.AadObjectId}}","userPrincipalName":"{{last}}"}""");
        }

        return Json(HttpStatusCode.NotFound, """{"error":{"code":"MemberNotFoundInConversation","message":"not a member"}}""");
    }

    internal static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}

/// <summary>One send as the Connector took it, numbered in the order it was delivered.</summary>
public sealed record Delivery(long Sequence, RecordedCall Call)
{
    public string Text => Call.Text ?? string.Empty;

    public string Body => Call.Body;

    public bool IsUpdate => Call.Method == HttpMethod.Put;

    public bool IsNewThread => Call.Method == HttpMethod.Post && Call.Uri.AbsolutePath.EndsWith("/v3/conversations", StringComparison.Ordinal);

    /// <summary>The conversation id in the URL (unescaped).</summary>
    public string ConversationId
    {
        get
        {
            var parts = Call.Uri.AbsolutePath.Split('/');
            var at = Array.IndexOf(parts, "conversations");
            return at >= 0 && at + 1 < parts.Length ? Uri.UnescapeDataString(parts[at + 1]) : string.Empty;
        }
    }

    /// <summary>The activity a reply answers (the last URL segment of a reply-to-activity call).</summary>
    public string? ReplyTo
    {
        get
        {
            var parts = Call.Uri.AbsolutePath.Split('/');
            return Call.Method == HttpMethod.Post && parts.Length >= 2 && parts[^2] == "activities" ? Uri.UnescapeDataString(parts[^1]) : null;
        }
    }

    public override string ToString() => $"#{Sequence} {Call.Method} {ConversationId}: {Text.ReplaceLineEndings(" ")[..Math.Min(Text.Length, 120)]}";
}

/// <summary>A failure the fake Connector answers one send with.</summary>
public abstract record ConnectorFault(string Name)
{
    public abstract Task<HttpResponseMessage> ApplyAsync(CancellationToken cancellationToken);

    public static ConnectorFault Status(HttpStatusCode status, int? retryAfterSeconds = null) => new StatusFault(status, retryAfterSeconds);

    /// <summary>The connection is reset mid-request.</summary>
    public static ConnectorFault Reset() => new ThrowFault();

    /// <summary>No answer at all: the HttpClient's timeout ends the call.</summary>
    public static ConnectorFault Silence() => new SilenceFault();

    public static HttpRequestException ResetException() =>
        new(HttpRequestError.ConnectionError, "Connection reset by peer", new IOException("Unable to read data from the transport connection.", new SocketException((int)SocketError.ConnectionReset)));

    private sealed record StatusFault(HttpStatusCode Code, int? RetryAfterSeconds) : ConnectorFault($"{(int)Code}{(RetryAfterSeconds is { } s ? $" Retry-After {s}" : string.Empty)}")
    {
        public override Task<HttpResponseMessage> ApplyAsync(CancellationToken cancellationToken)
        {
            var response = FaultyConnector.Json(Code, """{"error":{"code":"ServiceError","message":"injected"}}""");
            if (RetryAfterSeconds is { } seconds)
            {
                response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
            }

            return Task.FromResult(response);
        }
    }

    private sealed record ThrowFault() : ConnectorFault("connection reset")
    {
        public override Task<HttpResponseMessage> ApplyAsync(CancellationToken cancellationToken) => throw ResetException();
    }

    private sealed record SilenceFault() : ConnectorFault("no answer (timeout)")
    {
        public override async Task<HttpResponseMessage> ApplyAsync(CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
