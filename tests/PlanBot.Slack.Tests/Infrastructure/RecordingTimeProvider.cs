using System.Collections.Concurrent;

namespace PlanBot.Slack.Tests.Infrastructure;

/// <summary>
/// The system clock, except that every delay finishes at once and is recorded, so a test can see
/// that a 429's Retry-After was honoured without waiting for it.
/// </summary>
public sealed class RecordingTimeProvider : TimeProvider
{
    public ConcurrentQueue<TimeSpan> Delays { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan && dueTime > TimeSpan.Zero)
        {
            Delays.Enqueue(dueTime);
        }

        return System.CreateTimer(callback, state, dueTime == Timeout.InfiniteTimeSpan ? dueTime : TimeSpan.Zero, period);
    }
}
