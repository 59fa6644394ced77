namespace PlanBot.Domain.Checklist;

/// <summary>The eight sections of the OpenUP Deployment Plan artifact, in document order.</summary>
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
}
