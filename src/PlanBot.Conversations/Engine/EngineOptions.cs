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
    public int MaxCommitAttempts { get; set; } = 50;

    /// <summary>
    /// How long a turn keeps re-running after lost write races. Many people answering one plan at the
    /// same moment take turns within this; well inside Teams' 15-second wait for the reply.
    /// </summary>
    public TimeSpan CommitRetryBudget { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>
    /// How long an assigned section may stay unanswered, or a plan wait for its approvers, before a
    /// reminder; later reminders follow at the same interval.
    /// </summary>
    public TimeSpan ReminderDelay { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Reminders about one assignment or one round of approval at most; 0 turns reminders off.</summary>
    public int MaxReminders { get; set; } = 3;

    /// <summary>
    /// How long before the deployment window opens a plan still waiting for decisions is called to
    /// its approvers' and owner's attention (again, more urgently, an hour before it opens); zero turns these off.
    /// </summary>
    public TimeSpan WindowWarning { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often each host looks for reminders that fell due.</summary>
    public TimeSpan ReminderScanInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The most a stored plan may take, in bytes of its JSON. Cosmos DB refuses an item over 2 MB,
    /// and a write refused there would fail the turn; a change that would take a plan past this
    /// is refused with a reply before anything is written. 1.5 MiB leaves room for the item's own
    /// fields and for a plan that has to shrink back below it.
    /// </summary>
    public int MaxPlanBytes { get; set; } = 1536 * 1024;
}
