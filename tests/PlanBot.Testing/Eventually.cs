using System.Diagnostics;
using Xunit.Sdk;

namespace PlanBot.Testing;

/// <summary>
/// Waits for what a test expects to happen in the background (a reply sent, a document expired, a
/// retry armed), looking again until it holds or a bounded time has passed: a condition that already
/// holds returns at once, one that never does fails the test, naming what was awaited. It looks
/// often at first and less often the longer it waits, so a long wait does not hammer a server.
/// </summary>
public static class Eventually
{
    /// <summary>Generous, for a busy shared machine: only a failing test waits this long.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan FirstInterval = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan LongestInterval = TimeSpan.FromMilliseconds(200);

    /// <param name="condition">What should come true.</param>
    /// <param name="awaited">What is awaited, as the failure should name it: "the reminder to be sent".</param>
    /// <param name="timeout">How long to wait at the most; <see cref="DefaultTimeout"/> when null.</param>
    public static Task TrueAsync(Func<bool> condition, string awaited, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return TrueAsync(() => Task.FromResult(condition()), awaited, timeout);
    }

    /// <inheritdoc cref="TrueAsync(Func{bool}, string, TimeSpan?)"/>
    public static async Task TrueAsync(Func<Task<bool>> condition, string awaited, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentException.ThrowIfNullOrWhiteSpace(awaited);
        var limit = timeout ?? DefaultTimeout;
        var waited = Stopwatch.StartNew();
        var interval = FirstInterval;
        while (!await condition())
        {
            if (waited.Elapsed > limit)
            {
                throw new XunitException($"Waited {limit.TotalSeconds:0.#} s for {awaited}, in vain.");
            }

            await Task.Delay(interval);
            interval = interval * 2 < LongestInterval ? interval * 2 : LongestInterval;
        }
    }

    /// <summary>Waits until <paramref name="probe"/> finds something, and returns it.</summary>
    /// <inheritdoc cref="TrueAsync(Func{bool}, string, TimeSpan?)"/>
    public static Task<T> ValueAsync<T>(Func<T?> probe, string awaited, TimeSpan? timeout = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(probe);
        return ValueAsync(() => Task.FromResult(probe()), awaited, timeout);
    }

    /// <inheritdoc cref="ValueAsync{T}(Func{T}, string, TimeSpan?)"/>
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> probe, string awaited, TimeSpan? timeout = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(probe);
        T? found = null;
        await TrueAsync(async () => (found = await probe()) is not null, awaited, timeout);
        return found!;
    }
}
