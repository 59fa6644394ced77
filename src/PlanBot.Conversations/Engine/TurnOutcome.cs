using PlanBot.Conversations.State;

namespace PlanBot.Conversations.Engine;

public enum TurnStatus
{
    Processed,
    Redelivered,
    StoreUnavailable,
    Conflicted,

    /// <summary>Over a rate limit (<see cref="RateLimitOptions"/>): not run, nothing stored.</summary>
    RateLimited,

    /// <summary>Would take a plan past <see cref="EngineOptions.MaxPlanBytes"/>: not stored, the sender told.</summary>
    PlanTooLarge,
}

/// <summary>
/// What became of a turn: how many replies went out and how many stay owed, and the answer to show
/// in place of a pressed card, rendered (<see cref="InvokeReply"/>) and as the view it was made from.
/// </summary>
public sealed record TurnOutcome(TurnStatus Status, int Sent, int Failed, RenderedReply? InvokeReply = null, Views.View? InvokeView = null)
{
    public static TurnOutcome Of(TurnStatus status) => new(status, 0, 0);
}
