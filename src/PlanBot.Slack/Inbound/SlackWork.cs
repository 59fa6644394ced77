namespace PlanBot.Slack.Inbound;

/// <summary>
/// What Slack asked for, split in two: <see cref="Ack"/>, worked out at once without I/O, and
/// <see cref="ContinueAsync"/>, the quick part that must follow within Slack's 3 seconds (open a
/// modal, queue the turn). It returns a replacement answer when the request could not be taken.
/// </summary>
/// <remarks>
/// With <see cref="AnswersAfterContinuing"/> the answer is what <see cref="ContinueAsync"/> returns (a
/// modal's submission, answered by the engine within the 3 seconds): Socket Mode then acknowledges
/// after it too, instead of first.
/// </remarks>
public sealed record SlackWork(SlackAck Ack, Func<CancellationToken, Task<SlackAck?>>? ContinueAsync = null, bool AnswersAfterContinuing = false)
{
    public static SlackWork Done { get; } = new(SlackAck.Empty);
}
