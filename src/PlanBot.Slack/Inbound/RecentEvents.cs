using Microsoft.Extensions.Options;

namespace PlanBot.Slack.Inbound;

/// <summary>
/// Event ids taken in lately, so a retry that arrives while the first delivery is still queued is
/// not run twice. The store also remembers consumed ids; this catches the window before the commit.
/// Bounded by age (<see cref="SlackOptions.RecentEventWindow"/>) and by count.
/// </summary>
public sealed class RecentEvents(IOptions<SlackOptions> options, TimeProvider time)
{
    private const int Capacity = 50_000;
    private readonly Dictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, DateTimeOffset At)> order = new();
    private readonly Lock gate = new();

    /// <summary>Records <paramref name="eventId"/>; false when it was already taken in.</summary>
    public bool TryAdd(string eventId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        var now = time.GetUtcNow();
        lock (gate)
        {
            Expire(now);
            if (seen.ContainsKey(eventId))
            {
                return false;
            }

            seen[eventId] = now;
            order.Enqueue((eventId, now));
            return true;
        }
    }

    /// <summary>Forgets an event that could not be queued, so Slack's retry of it is taken.</summary>
    public void Remove(string eventId)
    {
        lock (gate)
        {
            seen.Remove(eventId);
        }
    }

    private void Expire(DateTimeOffset now)
    {
        var window = options.Value.RecentEventWindow;
        while (order.Count > 0 && (now - order.Peek().At > window || order.Count > Capacity))
        {
            var (id, at) = order.Dequeue();
            if (seen.TryGetValue(id, out var recorded) && recorded == at)
            {
                seen.Remove(id);
            }
        }
    }
}
