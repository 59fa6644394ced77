using System.Globalization;
using PlanBot.Cards.Actions;
using PlanBot.Domain.Checklist;
using PlanBot.Testing.Slack;

namespace PlanBot.Slack.Tests.Infrastructure;

/// <summary>
/// A valid answer to every question as a section modal's inputs hold it, by input id: pickers' dates
/// and times ahead of today, members by user id, yes/no and choices with their detail.
/// </summary>
public static class SectionFormAnswers
{
    public static IEnumerable<KeyValuePair<string, string?>> For(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var ahead = DateTime.UtcNow.Date.AddDays(40);
        var id = question.Id;
        return (question.Id, question.Kind) switch
        {
            ("available-by", _) => [new(id, Day(ahead.AddDays(7)))],
            (_, AnswerKind.Date) => [new(id, Day(ahead))],
            (_, AnswerKind.DateTimeWindow) =>
            [
                new(id + SectionInputs.StartDateSuffix, Day(ahead.AddDays(-2))),
                new(id + SectionInputs.StartTimeSuffix, "22:00"),
                new(id + SectionInputs.EndDateSuffix, Day(ahead.AddDays(-1))),
                new(id + SectionInputs.EndTimeSuffix, "02:00"),
            ],
            ("approvers", _) => [new(id, SlackPayloads.Approver)],
            (_, AnswerKind.People) => [new(id, $"{SlackPayloads.Developer},{SlackPayloads.Owner}")],
            (_, AnswerKind.YesNoWithDetail) => [new(id, SectionInputs.Yes), new(id + SectionInputs.DetailSuffix, "a one-hour walkthrough")],
            _ when question.Choices is { Count: > 0 } choices => [new(id, choices[^1]), new(id + SectionInputs.DetailSuffix, "the fix & <the invoices>")],
            _ => [new(id, $"Answer to {id} & <more>")],
        };
    }

    /// <summary>Every input of <paramref name="section"/> filled in.</summary>
    public static Dictionary<string, string?> For(Section section) =>
        PlanChecklist.In(section).SelectMany(For).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    private static string Day(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
