namespace PlanBot.Http;

/// <summary>How often and how long a channel's calls are retried.</summary>
/// <param name="MaxAttempts">Tries per call, the first included; 1 turns retries off.</param>
/// <param name="BaseDelay">The first backoff; each retry doubles it, with jitter.</param>
/// <param name="MaxDelay">The longest wait: backoff stops growing there, and a <c>Retry-After</c> asking for more fails the call at once.</param>
/// <param name="AttemptTimeout">How long one attempt may take (a timed-out attempt is not retried); zero for no limit.</param>
public sealed record RetrySettings(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay, TimeSpan AttemptTimeout);
