using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PlanBot.Slack.WebApi;

namespace PlanBot.Slack.Turns;

/// <summary>
/// Names and time zones of Slack users from <c>users.info</c>, kept for
/// <see cref="SlackOptions.UserCacheDuration"/>. A lookup that fails gives null: a turn goes on
/// without the name or zone rather than failing.
/// </summary>
public sealed class SlackUserDirectory(SlackWebApiClient api, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackUserDirectory> logger)
{
    private const int Capacity = 10_000;
    private readonly ConcurrentDictionary<string, (SlackUser User, DateTimeOffset Until)> cache = new(StringComparer.Ordinal);

    public async Task<SlackUser?> FindAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var now = time.GetUtcNow();
        if (cache.TryGetValue(userId, out var known) && known.Until > now)
        {
            return known.User;
        }

        try
        {
            var user = await api.GetUserAsync(userId, cancellationToken);
            if (cache.Count >= Capacity)
            {
                cache.Clear();
            }

            cache[userId] = (user, now + options.Value.UserCacheDuration);
            return user;
        }
        catch (Exception failure) when (failure is SlackApiException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LookupFailed(failure, "user", userId);
            return null;
        }
    }
}
