using PlanBot.Domain.Checklist;

namespace PlanBot.Conversations.Views;

/// <summary>
/// Asks one checklist question. <see cref="Problem"/> is set when the previous reply was refused;
/// <see cref="CurrentAnswer"/> when the question already has an answer (editing, going back).
/// </summary>
public sealed record QuestionView(
    string PlanId,
    string PlanTitle,
    string QuestionId,
    string Text,
    int SectionNumber,
    string SectionTitle,
    AnswerKind Kind,
    string ExpectedForm,
    string? Hint,
    int Number,
    int Total,
    string? CurrentAnswer,
    string? Problem,
    string? Note = null) : View;
