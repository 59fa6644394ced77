using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace PlanBot.Slack.Inbound;

/// <summary>
/// The bounded queue between Slack's 3-second acknowledgement and the turn. Work is partitioned by
/// conversation, one worker per partition, so a conversation's turns run in the order they came.
/// </summary>
public sealed class SlackWorkQueue
{
    private readonly Channel<Func<CancellationToken, Task>>[] partitions;
    private int pending;

    public SlackWorkQueue(IOptions<SlackOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        partitions = Enumerable.Range(0, options.Value.Workers)
            .Select(_ => Channel.CreateBounded<Func<CancellationToken, Task>>(new BoundedChannelOptions(options.Value.QueueCapacity)
            {
                SingleReader = true,
                FullMode = BoundedChannelFullMode.Wait,
            }))
            .ToArray();
    }

    public int Partitions => partitions.Length;

    /// <summary>Work queued or running.</summary>
    public int Pending => Volatile.Read(ref pending);

    /// <summary>Queues <paramref name="work"/> behind the earlier work of <paramref name="orderingKey"/>; false when full.</summary>
    public bool TryEnqueue(string orderingKey, Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(orderingKey);
        ArgumentNullException.ThrowIfNull(work);
        Interlocked.Increment(ref pending);
        var partition = (int)((uint)StringComparer.Ordinal.GetHashCode(orderingKey) % (uint)partitions.Length);
        if (partitions[partition].Writer.TryWrite(work))
        {
            return true;
        }

        Interlocked.Decrement(ref pending);
        return false;
    }

    /// <summary>Waits until nothing is queued or running (tests, and a graceful stop).</summary>
    public async Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        while (Pending > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken);
        }
    }

    internal ChannelReader<Func<CancellationToken, Task>> Reader(int partition) => partitions[partition].Reader;

    internal void Completed() => Interlocked.Decrement(ref pending);
}
