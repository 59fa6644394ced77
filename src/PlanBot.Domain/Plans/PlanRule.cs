namespace PlanBot.Domain.Plans;

/// <summary>Which of the plan's rules a refused move broke, so each channel can say it in its own words.</summary>
public enum PlanRule
{
    /// <summary>Only the plan's owner may make this move.</summary>
    OwnerOnly,

    /// <summary>The plan is cancelled: nothing changes until it is reopened.</summary>
    Cancelled,

    /// <summary>The plan is already in review or approved.</summary>
    AlreadySubmitted,

    /// <summary>Questions are missing or carried over unconfirmed.</summary>
    Incomplete,

    /// <summary>Section 5 names nobody.</summary>
    NoApprovers,

    /// <summary>Decisions are taken on a plan in review only.</summary>
    NotInReview,

    /// <summary>Only the approvers named in section 5 decide.</summary>
    NotAnApprover,

    /// <summary>The plan changed since the revision the approver was shown.</summary>
    RevisionChanged,

    /// <summary>A rejection needs its reason.</summary>
    ReasonRequired,

    /// <summary>Section 5 cannot be handed to someone else.</summary>
    ApproversStayWithOwner,

    /// <summary>The owner's approval of their own plan does not count (the tenant's approval policy).</summary>
    OwnApproval,

    /// <summary>Someone who answered part of the plan may not approve it (the tenant's approval policy).</summary>
    ContributorApproval,

    /// <summary>Once a deployment started, the plan is its record and no longer changes.</summary>
    InDeployment,

    /// <summary>A deployment waits for the plan's approval.</summary>
    NotApproved,

    /// <summary>Only the owner and the delivery team run the deployment.</summary>
    DeploymentCrewOnly,

    /// <summary>The deployment is not at the stage this move belongs to.</summary>
    WrongStage,
}
