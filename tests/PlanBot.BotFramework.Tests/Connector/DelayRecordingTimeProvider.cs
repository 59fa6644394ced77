using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace PlanBot.BotFramework.Tests.Connector;

/// <summary>
/// A fake clock that also keeps the delay of every timer armed on it: a test sees that the code
/// under test is waiting, and for how long, before it moves the clock.
/// </summary>
internal sealed class DelayRecordingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    public ConcurrentQueue<TimeSpan> Delays { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        // Recorded once armed, so a test that sees it can move the clock past it.
        Delays.Enqueue(dueTime);
        return timer;
    }
}
