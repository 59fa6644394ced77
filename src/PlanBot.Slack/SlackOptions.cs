namespace PlanBot.Slack;

/// <summary>
/// The section <c>Slack</c>. One deployment serves one workspace (<see cref="TeamId"/>) or one
/// Enterprise Grid organisation (<see cref="EnterpriseId"/>); requests from anywhere else get 401.
/// </summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";

    public bool Enabled { get; set; }

    /// <summary>Verifies every HTTP request (Basic Information → Signing Secret). Not used in Socket Mode.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>The bot token, <c>xoxb-…</c>; sent only in the Authorization header to <see cref="ApiBaseUrl"/>.</summary>
    public string? BotToken { get; set; }

    /// <summary>The app-level token, <c>xapp-…</c> with <c>connections:write</c>; Socket Mode only.</summary>
    public string? AppToken { get; set; }

    /// <summary>Receive events over a WebSocket the app opens, instead of on public request URLs.</summary>
    public bool SocketMode { get; set; }

    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    /// <summary>The workspace (<c>T…</c>); plans live under tenant <c>slack:T…</c>.</summary>
    public string? TeamId { get; set; }

    /// <summary>The Grid organisation (<c>E…</c>); when set, plans live under tenant <c>slack:E…</c>.</summary>
    public string? EnterpriseId { get; set; }

    /// <summary>The app's id (<c>A…</c>); when set, requests for another app are refused.</summary>
    public string? ApiAppId { get; set; }

    /// <summary>The gap between two messages posted into one channel (Slack allows about one a second); zero turns pacing off.</summary>
    public TimeSpan PostInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Tries per Web API call when Slack answers 429 or the call fails in transit, the first included.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The longest <c>Retry-After</c> honoured (and the longest backoff); a longer one fails the call at once.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The first backoff after a 5xx or a lost connection; each retry doubles it, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long one Web API call may take before it is given up (not retried); zero for no limit.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    internal Http.RetrySettings Retries => new(MaxAttempts, RetryDelay, MaxRetryDelay, AttemptTimeout);

    /// <summary>How long a user's name and time zone from <c>users.info</c> are kept.</summary>
    public TimeSpan UserCacheDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Background workers running turns; a conversation always goes to the same one, so its turns keep their order.</summary>
    public int Workers { get; set; } = 4;

    /// <summary>Turns waiting per worker; beyond it events get 503 (Slack retries) and commands a "busy" answer.</summary>
    public int QueueCapacity { get; set; } = 256;

    /// <summary>How long an event id is remembered to drop Slack's retries of it.</summary>
    public TimeSpan RecentEventWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a section modal's submission waits for the engine's answer (problems beside the inputs,
    /// or the next section), and how old a slash command's trigger may be to still open a section's
    /// modal. Slack waits 3 seconds for either; beyond this the modal closes and the answer is posted.
    /// </summary>
    public TimeSpan ModalWait { get; set; } = TimeSpan.FromSeconds(2.5);

    /// <summary>Socket Mode: the longest wait between two reconnection attempts.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);
}
