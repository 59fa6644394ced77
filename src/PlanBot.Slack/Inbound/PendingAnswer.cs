namespace PlanBot.Slack.Inbound;

/// <summary>
/// The answer a request waits for from its queued turn, for as long as Slack waits and no longer.
/// Either the turn hands its answer over in time (<see cref="TrySet"/> is true and the request
/// answers with it), or the request gives up first and the turn learns it must show its answer
/// some other way (<see cref="TrySet"/> is false). Never both.
/// </summary>
internal sealed class PendingAnswer(TimeProvider time)
{
    private const int Waiting = 0;
    private const int Answered = 1;
    private const int GivenUp = 2;
    private readonly TaskCompletionSource<SlackAck> answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int state = Waiting;

    /// <summary>Hands <paramref name="ack"/> to the waiting request; false when it no longer waits.</summary>
    public bool TrySet(SlackAck ack)
    {
        if (Interlocked.CompareExchange(ref state, Answered, Waiting) != Waiting)
        {
            return false;
        }

        answer.SetResult(ack);
        return true;
    }

    /// <summary>The turn's answer if it comes within <paramref name="wait"/>; else null, and the turn shows it itself.</summary>
    public async Task<SlackAck?> WaitAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        if (wait > TimeSpan.Zero)
        {
            try
            {
                return await answer.Task.WaitAsync(wait, time, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Too late for Slack: give up below, unless the answer came at this very moment.
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The request is gone (Slack hung up): nobody will read the answer here.
            }
        }

        return Interlocked.CompareExchange(ref state, GivenUp, Waiting) == Waiting ? null : await answer.Task;
    }
}
