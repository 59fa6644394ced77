namespace PlanBot.Testing.Slack;

/// <summary>A canned answer of the fake Web API: status, JSON body, and a Retry-After in seconds.</summary>
public sealed record FakeResponse(int Status, string Body, int? RetryAfterSeconds = null)
{
    public static FakeResponse Error(string error) => new(200, $$"""{"ok":false,"error":"{{error}}"}""");

    public static FakeResponse RateLimited(int seconds) => new(429, """{"ok":false,"error":"ratelimited"}""", seconds);

    /// <summary>No answer: the connection is dropped, as a network failure would.</summary>
    public static FakeResponse Abort() => new(AbortStatus, string.Empty);

    internal const int AbortStatus = 0;
}
