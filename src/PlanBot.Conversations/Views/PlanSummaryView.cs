namespace PlanBot.Conversations.Views;

/// <summary>One answered (or missing) item of a section, with who answered and whether it still needs confirming.</summary>
public sealed record ItemSummary(string QuestionId, string Question, string? Answer, string? AnsweredBy, DateTimeOffset? AnsweredAt, bool CarriedOver);

/// <summary>One section; <see cref="AssignedTo"/> names the developer it was handed to while it is still open.</summary>
public sealed record SectionSummary(int Number, string Title, bool Complete, IReadOnlyList<ItemSummary> Items, string? AssignedTo = null);

/// <summary>
/// The plan at a glance (<c>status</c>) or in full (<c>show</c>, <see cref="Full"/>): sections,
/// completeness, what is missing, who answered, and the lifecycle state; with schedule
/// <see cref="Warnings"/> and, for a plan started from a baseline, what changed against it.
/// </summary>
public sealed record PlanSummaryView(
    string PlanId,
    string PlanTitle,
    string State,
    string Owner,
    int Percent,
    int Answered,
    int Total,
    IReadOnlyList<SectionSummary> Sections,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Unconfirmed,
    bool Full,
    IReadOnlyList<string>? Warnings = null,
    string? BaselineTitle = null,
    IReadOnlyList<string>? ChangesFromBaseline = null,
    bool CanSubmit = false) : View
{
    /// <summary>Sections can be opened as forms from the summary while the plan is being drafted.</summary>
    public bool OffersSections { get; init; }
}
