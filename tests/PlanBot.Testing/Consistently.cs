using System.Diagnostics;
using Xunit.Sdk;

namespace PlanBot.Testing;

/// <summary>
/// Checks that something stays true for a while, failing the moment it does not. For a claim that
/// something never happens (a second reminder) where nothing outside the code under test marks the
/// moment it would have happened; wherever such a mark exists, wait for it with <see cref="Eventually"/>.
/// </summary>
public static class Consistently
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <param name="condition">What must hold throughout.</param>
    /// <param name="what">What holds, as the failure should name it: "one reminder, not two".</param>
    /// <param name="during">How long it must hold.</param>
    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan during)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentException.ThrowIfNullOrWhiteSpace(what);
        var watched = Stopwatch.StartNew();
        while (true)
        {
            if (!condition())
            {
                throw new XunitException($"Expected {what} for {during.TotalSeconds:0.#} s; it no longer held after {watched.Elapsed.TotalSeconds:0.#} s.");
            }

            if (watched.Elapsed >= during)
            {
                return;
            }

            await Task.Delay(Interval);
        }
    }
}
