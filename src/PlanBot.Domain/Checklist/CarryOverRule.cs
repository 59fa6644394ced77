namespace PlanBot.Domain.Checklist;

/// <summary>What happens to an answer when a later release starts from this plan as its baseline.</summary>
public enum CarryOverRule
{
    /// <summary>Copied, but marked unconfirmed until someone keeps or changes it.</summary>
    KeepUnconfirmed,

    /// <summary>Copied and flagged: likely to differ for the new release, so it is pointed out first.</summary>
    Flag,

    /// <summary>Not copied: it belongs to the old release only (dates, the features in scope).</summary>
    Clear,
}
