namespace PlanBot.Domain.Checklist;

/// <summary>
/// The sections of the plan, in document order: the eight of the OpenUP Deployment Plan artifact,
/// then the backout plan, which the deployment engineer needs on the day when a deployment fails.
/// </summary>
public enum Section
{
    ScopeAndOverview = 1,
    TimingAndDependencies = 2,
    RisksAndIssues = 3,
    ImpactedOrganisation = 4,
    Approvers = 5,
    DeliveryTeam = 6,
    TransitionApproach = 7,
    SuccessCriteria = 8,
    Backout = 9,
}
