namespace PlanBot.Domain.Plans;

public enum PlanState
{
    Draft,
    InReview,
    Approved,
    Rejected,
    Cancelled,

    /// <summary>Approved, and being deployed now (the run sheet is on).</summary>
    Deploying,

    /// <summary>Deployed; its success criteria are being checked.</summary>
    Deployed,

    /// <summary>The deployment failed; it may be tried again or backed out.</summary>
    Failed,

    /// <summary>Backed out: the previous release runs again.</summary>
    RolledBack,

    /// <summary>Deployed, and every success criterion passed: the release is done.</summary>
    Done,
}
