namespace PlanBot.Domain.Checklist;

/// <summary>
/// One question of the interview. <see cref="FollowUpOf"/> names the checklist item it follows up;
/// <see cref="Sections"/> lists every artifact section the answer feeds, the first being where it is shown.
/// <see cref="Choices"/> are the usual answers a form offers to pick from, detail added; a typed
/// answer may still say anything.
/// </summary>
public sealed record Question(
    string Id,
    string Text,
    IReadOnlyList<Section> Sections,
    AnswerKind Kind,
    CarryOverRule CarryOver,
    string? FollowUpOf = null,
    string? Hint = null,
    IReadOnlyList<string>? Choices = null)
{
    public Section Section => Sections[0];
}
