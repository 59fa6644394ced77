using Microsoft.Extensions.Logging;
using PlanBot.Conversations.Engine;
using PlanBot.Conversations.Turns;
using PlanBot.Slack.Delivery;

namespace PlanBot.Slack.Inbound;

/// <summary>A Slack turn as it ran: the turn, what the processor made of it, and what it posted (<see cref="SlackTurnTrace"/>).</summary>
public sealed record SlackTurnResult(Turn Turn, TurnOutcome Outcome, SlackTurnTrace Trace);

/// <summary>
/// Runs Slack turns off the request path, on the <see cref="SlackWorkQueue"/> in their conversation's
/// order: reads what the turn needs from Slack (the sender's name and zone), hands it to the
/// <see cref="TurnProcessor"/> with the Slack reply channel, then lets the caller show the engine's
/// answer where Slack wants it (a modal, or the message a button was on).
/// </summary>
public sealed class SlackTurnRunner(TurnProcessor processor, SlackReplyChannel channel, SlackWorkQueue queue, ILogger<SlackTurnRunner> logger)
{
    /// <summary>
    /// Queues the turn <paramref name="map"/> makes behind the earlier work of <paramref name="orderingKey"/>,
    /// and <paramref name="then"/> after it, given the result (null when the turn could not be mapped or
    /// failed); false when the queue is full.
    /// </summary>
    public bool Enqueue(string kind, string orderingKey, Func<CancellationToken, Task<Turn>> map, Func<SlackTurnResult?, CancellationToken, Task>? then = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (queue.TryEnqueue(orderingKey, async ct =>
        {
            var result = await RunAsync(map, ct);
            if (then is not null)
            {
                await then(result, ct);
            }
        }))
        {
            return true;
        }

        logger.QueueFull(kind);
        return false;
    }

    public async Task<SlackTurnResult?> RunAsync(Func<CancellationToken, Task<Turn>> map, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(map);
        Turn turn;
        try
        {
            turn = await map(cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.TurnFailed(failure, "(unmapped)");
            return null;
        }

        try
        {
            var trace = SlackTurnTrace.Start();
            var outcome = await processor.ProcessAsync(turn, channel, cancellationToken);
            return new SlackTurnResult(turn, outcome, trace);
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.TurnFailed(failure, turn.ActivityId);
            return null;
        }
    }
}
