using PlanBot.Domain.Answers;
using PlanBot.Domain.Checklist;

namespace PlanBot.Conversations.Views;

/// <summary>
/// One question of a section form. <see cref="Value"/> is what its input shows, in the form a typed
/// answer takes (what was typed, when the form comes back with a <see cref="Problem"/>, so nothing is
/// lost; else the stored answer); <see cref="People"/> are the people the stored answer names, for a
/// picker. <see cref="Understood"/> is how the stored answer was read. A carried-over answer comes
/// with what looks wrong with it (<see cref="Flags"/>).
/// </summary>
public sealed record FormField(
    string QuestionId,
    string Text,
    AnswerKind Kind,
    string? Hint,
    string? Value,
    IReadOnlyList<PersonRef>? People,
    string? Understood,
    bool CarriedOver,
    IReadOnlyList<string> Flags,
    string? Problem,
    IReadOnlyList<string>? Choices = null);

/// <summary>
/// A section of the plan as one form: every question of the section, to answer at once. As a
/// <see cref="ReadBack"/> it shows how each saved answer was understood instead of inputs. A form
/// with carried-over answers offers to keep the section (and, in a plan started from a baseline,
/// every section nothing was found wrong with). When only this section's questions are still open,
/// the owner's form offers <see cref="CanSaveAndSubmit"/>: the save that completes the plan sends it.
/// </summary>
public sealed record SectionFormView(
    string PlanId,
    string PlanTitle,
    int SectionNumber,
    string SectionTitle,
    int SectionCount,
    IReadOnlyList<FormField> Fields,
    string TimeZone,
    bool ReadBack,
    int Percent,
    int Revision,
    string? Note = null,
    string? Problem = null,
    bool CanKeepUnflagged = false,
    bool CanSaveAndSubmit = false) : View
{
    public bool HasCarriedOver => Fields.Any(f => f.CarriedOver);
}
