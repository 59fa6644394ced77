using System.Collections.Concurrent;

namespace PlanBot.BotFramework.Connector;

/// <summary>
/// Keeps sends to one conversation within Teams' per-thread limits (PROTOCOLS §2.4: 7 per second and
/// 60 per 30 seconds for one bot in one thread) by waiting before a send that would exceed them.
/// Each conversation has its own sliding windows, so a busy channel never slows another.
/// </summary>
public sealed class ConversationPacer(TimeProvider time, bool enabled = true)
{
    private static readonly (int Count, TimeSpan Window)[] Limits =
    [
        (7, TimeSpan.FromSeconds(1)),
        (60, TimeSpan.FromSeconds(30)),
    ];

    private static readonly TimeSpan LongestWindow = TimeSpan.FromSeconds(30);

    /// <summary>Beyond this many conversations, those with no send in the longest window are forgotten.</summary>
    internal const int Tidy = 1024;

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> recent = new(StringComparer.Ordinal);

    public bool Enabled { get; } = enabled;

    /// <summary>Waits until one more send to <paramref name="conversationId"/> is within the limits, and counts it.</summary>
    public async Task WaitTurnAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return;
        }

        if (recent.Count > Tidy)
        {
            Forget(time.GetUtcNow());
        }

        // Teams counts a channel thread against its channel.
        var sends = recent.GetOrAdd(Teams.TeamsConversationId.Parse(conversationId).Channel, _ => new Queue<DateTimeOffset>());
        while (true)
        {
            TimeSpan wait;
            lock (sends)
            {
                var now = time.GetUtcNow();
                while (sends.Count > 0 && now - sends.Peek() >= LongestWindow)
                {
                    sends.Dequeue();
                }

                wait = WaitNeeded(sends, now);
                if (wait <= TimeSpan.Zero)
                {
                    sends.Enqueue(now);
                    return;
                }
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>Conversations tracked now (for tests).</summary>
    internal int Tracked => recent.Count;

    /// <summary>
    /// Drops the conversations whose last send left every window: nothing of them limits a send any
    /// more, and a bot in many conversations would otherwise keep one entry per conversation for ever.
    /// </summary>
    private void Forget(DateTimeOffset now)
    {
        foreach (var (conversation, sends) in recent)
        {
            bool idle;
            lock (sends)
            {
                idle = sends.Count == 0 || now - sends.Last() >= LongestWindow;
            }

            if (idle)
            {
                recent.TryRemove(new KeyValuePair<string, Queue<DateTimeOffset>>(conversation, sends));
            }
        }
    }

    private static TimeSpan WaitNeeded(Queue<DateTimeOffset> sends, DateTimeOffset now)
    {
        var wait = TimeSpan.Zero;
        foreach (var (count, window) in Limits)
        {
            var inWindow = sends.Where(at => now - at < window).ToList();
            if (inWindow.Count >= count)
            {
                // The send that left room once it ages out of the window.
                var freesAt = inWindow[^count] + window;
                wait = freesAt - now > wait ? freesAt - now : wait;
            }
        }

        return wait;
    }
}
