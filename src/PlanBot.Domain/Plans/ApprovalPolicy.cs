namespace PlanBot.Domain.Plans;

/// <summary>
/// Whose approval counts besides being named in section 5: a tenant's choice. By default the plan's
/// owner cannot approve their own plan (separation of duties), while developers who answered a
/// section can; a tenant may allow the first or forbid the second.
/// </summary>
public sealed record ApprovalPolicy(bool OwnerMayApprove = false, bool ContributorsMayApprove = true)
{
    public static ApprovalPolicy Default { get; } = new();
}
