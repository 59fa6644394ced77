using Microsoft.Extensions.Logging;
using PlanBot.Conversations.Engine;
using PlanBot.Conversations.Turns;
using PlanBot.Slack.Delivery;

namespace PlanBot.Slack.Inbound;

/// <summary>
/// Runs one Slack turn off the request path: reads what the turn needs from Slack (the sender's
/// name and zone), then hands it to the <see cref="TurnProcessor"/> with the Slack reply channel.
/// The processor's synchronous answer for card actions (Teams' invoke response) has no use here:
/// everyone sees the same Slack message, and the engine updates it and replies in the thread itself.
/// </summary>
public sealed class SlackTurnRunner(TurnProcessor processor, SlackReplyChannel channel, ILogger<SlackTurnRunner> logger)
{
    public async Task RunAsync(Func<CancellationToken, Task<Turn>> map, CancellationToken cancellationToken)
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
            return;
        }

        try
        {
            await processor.ProcessAsync(turn, channel, cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.TurnFailed(failure, turn.ActivityId);
        }
    }
}
