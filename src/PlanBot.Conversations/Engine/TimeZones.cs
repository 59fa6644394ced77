using System.Collections.Concurrent;

namespace PlanBot.Conversations.Engine;

/// <summary>Resolves IANA zone names the channels send, falling back to a default for unknown ones.</summary>
public static class TimeZones
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo?> Cache = new(StringComparer.OrdinalIgnoreCase);

    public static TimeZoneInfo Resolve(string? zone, string fallback)
    {
        return Find(zone) ?? Find(fallback) ?? TimeZoneInfo.Utc;
    }

    private static TimeZoneInfo? Find(string? zone) =>
        string.IsNullOrWhiteSpace(zone)
            ? null
            : Cache.GetOrAdd(zone, z => TimeZoneInfo.TryFindSystemTimeZoneById(z, out var found) ? found : null);
}
