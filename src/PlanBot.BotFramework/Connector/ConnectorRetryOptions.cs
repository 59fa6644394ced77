using PlanBot.Http;

namespace PlanBot.BotFramework.Connector;

public sealed class ConnectorRetryOptions
{
    public const string Section = "BotFramework:Connector";

    /// <summary>Tries per call, the first included.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The first backoff; each retry doubles it, with up to half again of random jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The longest backoff, and the longest <c>Retry-After</c> waited for: a longer one is not retried
    /// (waiting less than the Connector asked only earns another 429), and the reply stays owed.
    /// </summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one attempt may take before it is given up (not retried); zero for no limit.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public RetrySettings Retries => new(MaxAttempts, BaseDelay, MaxDelay, AttemptTimeout);

    /// <summary>Keep sends within Teams' per-conversation rate limits. Off only where no Teams is on the other end (benchmarks).</summary>
    public bool Pacing { get; set; } = true;
}
