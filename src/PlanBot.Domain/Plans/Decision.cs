using PlanBot.Domain.Answers;

namespace PlanBot.Domain.Plans;

public enum Verdict
{
    Approve,
    Reject,
}

/// <summary>
/// One approver's decision on one revision of the plan. A later change to the plan makes it
/// <see cref="Stale"/>: it stays in the record, but no longer counts.
/// </summary>
public sealed record Decision(PersonRef Approver, Verdict Verdict, DateTimeOffset At, int Revision, string? Reason, bool Stale = false);
