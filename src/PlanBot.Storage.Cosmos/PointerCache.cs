using System.Collections.Concurrent;

namespace PlanBot.Storage.Cosmos;

/// <summary>
/// This host's copy of conversation pointers, keyed by conversation key. A pointer changes only when
/// its conversation switches plans, so a turn can read just the active plan and trust the copy
/// while that plan still lists the conversation as attached. Holds the serialized body, never a
/// live object: what a turn loads, it mutates.
/// </summary>
internal sealed class PointerCache(int capacity)
{
    private readonly ConcurrentDictionary<string, CachedPointer> entries = new(StringComparer.Ordinal);

    public bool TryGet(string key, out CachedPointer pointer) => entries.TryGetValue(key, out pointer!);

    public void Set(string key, CachedPointer pointer)
    {
        if (capacity == 0)
        {
            return;
        }

        if (entries.Count >= capacity && !entries.ContainsKey(key))
        {
            // Crude but bounded: a cleared cache only costs each conversation one extra read on its next turn.
            entries.Clear();
        }

        entries[key] = pointer;
    }

    /// <summary>Forgets the copy if it is still the one with <paramref name="etag"/>; a newer copy stays.</summary>
    public void Invalidate(string key, string? etag)
    {
        if (etag is null)
        {
            entries.TryRemove(key, out _);
            return;
        }

        if (entries.TryGetValue(key, out var cached) && cached.ETag == etag)
        {
            entries.TryRemove(new KeyValuePair<string, CachedPointer>(key, cached));
        }
    }
}

/// <param name="WrittenAt">When the pointer was last written, which is when its time to live started.</param>
internal sealed record CachedPointer(string ETag, byte[] Body, string TenantId, string? ActivePlanId, DateTimeOffset WrittenAt);
