using System.Globalization;
using PlanBot.Conversations.Turns;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;

namespace PlanBot.Cards.Actions;

/// <summary>
/// Reads what a pressed button asked for, from its verb and the flat data the card carried (with the
/// values of the card's inputs merged in, as Teams and Slack both do). The one place the card data's
/// names are read; cards already posted keep working because the names never change.
/// </summary>
public static class CardActions
{
    public static TurnAction Read(string verb, IReadOnlyDictionary<string, string> data)
    {
        ArgumentNullException.ThrowIfNull(verb);
        ArgumentNullException.ThrowIfNull(data);
        var planId = Value(data, CardDataKeys.PlanId);
        return verb switch
        {
            CardVerbs.Answer => new AnswerAction(planId, Value(data, CardDataKeys.QuestionId), AnswerText(data)),
            CardVerbs.Skip => new SkipAction(planId, Value(data, CardDataKeys.QuestionId)),
            CardVerbs.Approve => new DecideAction(planId, Revision(data), Verdict.Approve, null),
            CardVerbs.Reject => new DecideAction(planId, Revision(data), Verdict.Reject, Value(data, CardInputIds.Reason)?.Trim()),
            CardVerbs.RefreshView => new RefreshApprovalAction(planId),
            CardVerbs.SaveSection when SectionOf(data) is { } section => new SaveSectionAction(planId, (int)section, Revision(data), Answers(section, data)),
            CardVerbs.SaveAndSubmit when SectionOf(data) is { } section => new SaveSectionAction(planId, (int)section, Revision(data), Answers(section, data), Submit: true),
            CardVerbs.KeepSection when SectionOf(data) is { } section => new KeepSectionAction(planId, (int)section),
            CardVerbs.KeepAnswer when Value(data, CardDataKeys.QuestionId) is { } question => new KeepAnswerAction(planId, question),
            CardVerbs.RemoveAnswer when Value(data, CardDataKeys.QuestionId) is { } question => new RemoveAnswerAction(planId, question),
            CardVerbs.KeepUnflagged => new KeepUnflaggedAction(planId),
            CardVerbs.OpenSection when SectionOf(data) is { } section => new OpenSectionAction(planId, (int)section),
            CardVerbs.SubmitPlan => new SubmitPlanAction(planId),
            CardVerbs.StepDone or CardVerbs.StepProblem when Number(data, CardDataKeys.Step) is { } step =>
                new StepAction(planId, step, verb == CardVerbs.StepDone, Value(data, CardInputIds.Note)?.Trim()),
            CardVerbs.CheckPass or CardVerbs.CheckFail when Number(data, CardDataKeys.Criterion) is { } criterion =>
                new CheckAction(planId, criterion, verb == CardVerbs.CheckPass, Value(data, CardInputIds.Note)?.Trim()),
            _ => new UnknownAction(verb),
        };
    }

    /// <summary>The answer input, with a yes/no question's detail joined to it as a typed answer has it ("yes, detail").</summary>
    private static string AnswerText(IReadOnlyDictionary<string, string> data)
    {
        var answer = (Value(data, CardInputIds.Answer) ?? string.Empty).Trim();
        return Value(data, CardInputIds.Detail) is { } detail && !string.IsNullOrWhiteSpace(detail) ? $"{answer}, {detail.Trim()}" : answer;
    }

    /// <summary>The answers a section form's inputs make, by question id (empty where left empty).</summary>
    private static Dictionary<string, string> Answers(Section section, IReadOnlyDictionary<string, string> data) =>
        PlanChecklist.In(section).ToDictionary(q => q.Id, q => SectionInputs.Compose(q, data), StringComparer.Ordinal);

    private static Section? SectionOf(IReadOnlyDictionary<string, string> data) =>
        int.TryParse(Value(data, CardDataKeys.Section), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && Enum.IsDefined((Section)number)
            ? (Section)number
            : null;

    private static int? Number(IReadOnlyDictionary<string, string> data, string key) =>
        int.TryParse(Value(data, key), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : null;

    private static int? Revision(IReadOnlyDictionary<string, string> data) =>
        int.TryParse(Value(data, CardDataKeys.Revision), NumberStyles.None, CultureInfo.InvariantCulture, out var revision) ? revision : null;

    private static string? Value(IReadOnlyDictionary<string, string> data, string key) =>
        data.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
}
