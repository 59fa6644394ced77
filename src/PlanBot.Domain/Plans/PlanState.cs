namespace PlanBot.Domain.Plans;

public enum PlanState
{
    Draft,
    InReview,
    Approved,
    Rejected,
    Cancelled,
}
