using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace PlanBot.Slack.WebApi;

/// <summary>
/// Spaces the messages posted into one channel by <see cref="SlackOptions.PostInterval"/>, Slack's
/// "about one message per second per channel", so bursts (a turn's two replies) are not throttled.
/// </summary>
public sealed class ChannelPacer(IOptions<SlackOptions> options, TimeProvider time)
{
    private const int Tidy = 1024;
    private readonly ConcurrentDictionary<string, DateTimeOffset> nextSlot = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public async Task WaitTurnAsync(string channel, CancellationToken cancellationToken)
    {
        var interval = options.Value.PostInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        TimeSpan wait;
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (nextSlot.Count > Tidy)
            {
                foreach (var (key, slot) in nextSlot)
                {
                    if (slot < now)
                    {
                        nextSlot.TryRemove(key, out _);
                    }
                }
            }

            var start = nextSlot.TryGetValue(channel, out var next) && next > now ? next : now;
            nextSlot[channel] = start + interval;
            wait = start - now;
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }
}
