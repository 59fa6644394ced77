using System.Collections.Concurrent;

namespace PlanBot.Conversations.Delivery;

/// <summary>
/// This host's memory of replies it is sending or has sent but not yet recorded as sent in the
/// store. The next write of the same session drops them from its outbox; the
/// <see cref="OutboxSweeper"/> records the rest, so sending never costs a write of its own.
/// </summary>
public sealed class DeliveryLedger
{
    private readonly ConcurrentDictionary<string, byte> inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SentReply> sent = new(StringComparer.Ordinal);

    /// <summary>Identifies this host process in the replies it commits.</summary>
    public string Instance { get; } = Guid.NewGuid().ToString("N")[..12];

    public void BeginSending(IEnumerable<string> replyIds)
    {
        foreach (var id in replyIds)
        {
            inFlight[id] = 0;
        }
    }

    /// <summary>The commit that owed these replies failed: they are not ours to send.</summary>
    public void Abandon(IEnumerable<string> replyIds)
    {
        foreach (var id in replyIds)
        {
            inFlight.TryRemove(id, out _);
        }
    }

    public void MarkSent(string replyId, ReplyLocation location, DateTimeOffset at)
    {
        sent[replyId] = new SentReply(replyId, location, at);
        inFlight.TryRemove(replyId, out _);
    }

    public void MarkFailed(string replyId) => inFlight.TryRemove(replyId, out _);

    public bool IsSent(string replyId) => sent.ContainsKey(replyId);

    public bool IsInFlight(string replyId) => inFlight.ContainsKey(replyId);

    /// <summary>The store now records these as sent; nothing more to remember.</summary>
    public void Forget(IEnumerable<string> replyIds)
    {
        foreach (var id in replyIds)
        {
            sent.TryRemove(id, out _);
        }
    }

    public int PendingCount => sent.Count;

    /// <summary>Sent replies not yet recorded in the store, sent before <paramref name="before"/>.</summary>
    public IReadOnlyList<SentReply> Unrecorded(DateTimeOffset before) =>
        sent.Values.Where(s => s.At <= before).ToList();
}

public sealed record SentReply(string Id, ReplyLocation Location, DateTimeOffset At);
