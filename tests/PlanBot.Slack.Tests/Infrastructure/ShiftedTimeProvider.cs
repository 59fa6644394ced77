using System.Diagnostics;

namespace PlanBot.Slack.Tests.Infrastructure;

/// <summary>A clock that starts at a chosen instant and runs at the real pace; timers are real.</summary>
public sealed class ShiftedTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Stopwatch elapsed = Stopwatch.StartNew();

    public override DateTimeOffset GetUtcNow() => start + elapsed.Elapsed;
}
