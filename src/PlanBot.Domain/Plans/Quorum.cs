namespace PlanBot.Domain.Plans;

/// <summary>How many of the approvers must approve: any one of them, or all.</summary>
public enum Quorum
{
    Any,
    All,
}
