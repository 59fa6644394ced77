using PlanBot.Domain.Answers;

namespace PlanBot.Conversations.Views;

/// <summary>A success criterion from section 8, and how it was checked, if it was.</summary>
public sealed record CriterionLine(int Number, string Text, bool? Passed, string? CheckedBy, DateTimeOffset? CheckedAt, string? Note);

/// <summary>
/// Section 8's success criteria as a checklist after the deployment: the owner and the delivery team
/// (<see cref="Crew"/>, @mentioned) pass or fail each; when every one passed, the release is done.
/// </summary>
public sealed record SuccessChecklistView(
    string PlanId,
    string PlanTitle,
    string Stage,
    bool Open,
    IReadOnlyList<CriterionLine> Criteria,
    IReadOnlyList<PersonRef> Crew) : View;
