using PlanBot.Conversations.State;
using PlanBot.Conversations.Views;
using PlanBot.Domain.Answers;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Engine;

/// <summary>
/// The order questions are asked in: the checklist from the top, skipping answered and skipped
/// questions and sections handed to developers; or, while editing a section, that section's
/// questions in turn.
/// </summary>
public static class Interview
{
    public static Question? Next(Plan plan, ConversationSession session, string? afterId)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(session);
        if (session.EditingSection is int section)
        {
            var inSection = PlanChecklist.In((Section)section).ToList();
            var at = afterId is null ? -1 : inSection.FindIndex(q => q.Id == afterId);
            if (at + 1 < inSection.Count)
            {
                return inSection[at + 1];
            }

            session.EditingSection = null;
            afterId = null;
        }

        var start = afterId is null ? 0 : PlanChecklist.IndexOf(afterId) + 1;
        var questions = PlanChecklist.Questions;
        for (var step = 0; step < questions.Count; step++)
        {
            var question = questions[(start + step) % questions.Count];
            if (NeedsAsking(plan, session, question))
            {
                return question;
            }
        }

        return null;
    }

    public static Question? Previous(ConversationSession session, string currentId)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.EditingSection is int section)
        {
            var inSection = PlanChecklist.In((Section)section).ToList();
            var at = inSection.FindIndex(q => q.Id == currentId);
            return at > 0 ? inSection[at - 1] : null;
        }

        var index = PlanChecklist.IndexOf(currentId);
        return index > 0 ? PlanChecklist.Questions[index - 1] : null;
    }

    public static QuestionView Ask(Plan plan, Question question, string? problem = null, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(question);
        var section = SectionInfo.Of(question.Section);
        var answer = plan.AnswerTo(question.Id);
        var current = answer is null ? null : answer.IsUnconfirmed ? $"{answer.Value.Text} (carried over, not confirmed)" : answer.Value.Text;
        return new QuestionView(
            plan.Id,
            plan.Title,
            question.Id,
            question.Text,
            section.Number,
            section.Title,
            question.Kind,
            AnswerReader.ExpectedForm(question.Kind),
            question.Hint,
            PlanChecklist.IndexOf(question.Id) + 1,
            PlanChecklist.Count,
            current,
            problem,
            note);
    }

    /// <summary>
    /// Open and not skipped here. A section handed to a developer is theirs to answer: other
    /// conversations pass over it (`edit &lt;section&gt;` still reaches it).
    /// </summary>
    public static bool NeedsAsking(Plan plan, ConversationSession session, Question question) =>
        !session.Skipped.Contains(question.Id)
        && plan.IsOpen(question.Id)
        && (session.AssignedOnly || !plan.Assignments.Any(a => a.Section == question.Section));
}
