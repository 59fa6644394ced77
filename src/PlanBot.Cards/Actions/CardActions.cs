using System.Globalization;
using PlanBot.Conversations.Turns;
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
            _ => new UnknownAction(verb),
        };
    }

    /// <summary>The answer input, with a yes/no question's detail joined to it as a typed answer has it ("yes, detail").</summary>
    private static string AnswerText(IReadOnlyDictionary<string, string> data)
    {
        var answer = (Value(data, CardInputIds.Answer) ?? string.Empty).Trim();
        return Value(data, CardInputIds.Detail) is { } detail && !string.IsNullOrWhiteSpace(detail) ? $"{answer}, {detail.Trim()}" : answer;
    }

    private static int? Revision(IReadOnlyDictionary<string, string> data) =>
        int.TryParse(Value(data, CardDataKeys.Revision), NumberStyles.None, CultureInfo.InvariantCulture, out var revision) ? revision : null;

    private static string? Value(IReadOnlyDictionary<string, string> data, string key) =>
        data.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
}
