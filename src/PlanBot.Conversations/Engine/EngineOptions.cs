namespace PlanBot.Conversations.Engine;

public sealed class EngineOptions
{
    /// <summary>The zone dates are read in when the channel does not tell the user's own.</summary>
    public string DefaultTimeZone { get; set; } = "UTC";

    /// <summary>
    /// How long a reply committed by another host may stay unsent before a turn here assumes that
    /// host died and sends it itself. Longer than a send with its retries can take.
    /// </summary>
    public TimeSpan OwedReplyGrace { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How often a turn is re-run on fresh data after losing a write race before giving up.</summary>
    public int MaxCommitAttempts { get; set; } = 10;
}
