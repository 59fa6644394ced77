using PlanBot.Domain.Answers;

namespace PlanBot.Conversations.Views;

/// <summary>One decision as the approval card shows it; stale ones stay visible, struck as no longer counting.</summary>
public sealed record DecisionSummary(string Approver, bool Approved, DateTimeOffset At, int Revision, string? Reason, bool Stale);

/// <summary>
/// The plan's approval request as posted in the release channel. Everyone sees the same card
/// (<see cref="ForApprover"/> false: read-only, with the decision history); the approvers named in
/// <see cref="Approvers"/> get a refreshed view with Approve / Reject bound to <see cref="Revision"/>.
/// <see cref="Awaiting"/> are the approvers still to decide on this revision, @mentioned so they are notified.
/// <see cref="Timeline"/> is what happened on deployment day, once it began.
/// <see cref="Gates"/> are the deployments that asked about the plan and where each stands, one line each, newest first.
/// </summary>
public sealed record ApprovalView(
    string PlanId,
    string PlanTitle,
    int Revision,
    string State,
    string Owner,
    string Quorum,
    PlanSummaryView Summary,
    IReadOnlyList<PersonRef> Approvers,
    IReadOnlyList<DecisionSummary> Decisions,
    bool ForApprover,
    string? Notice = null,
    IReadOnlyList<PersonRef>? Awaiting = null,
    IReadOnlyList<string>? Timeline = null,
    IReadOnlyList<string>? Gates = null) : View;
