using System.Globalization;
using PlanBot.Conversations.Engine;
using PlanBot.Domain.Checklist;

namespace PlanBot.Cards.Actions;

/// <summary>
/// How a section form's inputs hold each answer: the input ids (the question's id, with a suffix for
/// the parts of a window and for detail), the typed answer they make together, and the parts a
/// typed answer fills in. Shared by the Teams card, the Slack modal and the reader of what they send
/// back, so the three never disagree.
/// </summary>
public static class SectionInputs
{
    public const string DetailSuffix = ".detail";
    public const string StartDateSuffix = ".startDate";
    public const string StartTimeSuffix = ".startTime";
    public const string EndDateSuffix = ".endDate";
    public const string EndTimeSuffix = ".endTime";

    /// <summary>The values of a yes/no input.</summary>
    public const string Yes = "yes";

    public const string No = "no";

    /// <summary>The start and end of a window as a form shows them: dates <c>yyyy-MM-dd</c>, times <c>HH:mm</c>.</summary>
    public sealed record WindowParts(string? StartDate, string? StartTime, string? EndDate, string? EndTime);

    /// <summary>The answer the inputs of <paramref name="question"/> make, as typed; empty when they were left empty.</summary>
    public static string Compose(Question question, IReadOnlyDictionary<string, string> inputs)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(inputs);
        string Get(string suffix) => inputs.TryGetValue(question.Id + suffix, out var value) ? value.Trim() : string.Empty;
        var main = Get(string.Empty);
        var detail = Get(DetailSuffix);
        switch (question.Kind)
        {
            case AnswerKind.DateTimeWindow when main.Length == 0:
                var (startDate, startTime, endDate, endTime) = (Get(StartDateSuffix), Get(StartTimeSuffix), Get(EndDateSuffix), Get(EndTimeSuffix));
                if (startDate.Length + startTime.Length + endDate.Length + endTime.Length == 0)
                {
                    return string.Empty;
                }

                return $"{startDate} {startTime}{TypedAnswers.WindowSeparator}{(endDate.Length == 0 ? startDate : endDate)} {endTime}".Trim();
            case AnswerKind.YesNoWithDetail:
                return main.Length == 0 ? detail : detail.Length == 0 ? main : $"{main}, {detail}";
            default:
                return question.Choices is null || detail.Length == 0 ? main : main.Length == 0 ? detail : $"{main}: {detail}";
        }
    }

    /// <summary>The parts of a window typed as <c>yyyy-MM-dd HH:mm to yyyy-MM-dd HH:mm</c> (what forms send and show).</summary>
    public static WindowParts Window(string? typed)
    {
        var halves = (typed ?? string.Empty).Split(TypedAnswers.WindowSeparator, 2, StringSplitOptions.TrimEntries);
        var (startDate, startTime) = DateAndTime(halves[0]);
        var (endDate, endTime) = halves.Length > 1 ? DateAndTime(halves[1]) : (null, null);
        return new WindowParts(startDate, startTime, endDate, endTime);
    }

    /// <summary>A yes/no answer typed as "Yes: detail" (or "yes, detail") as the input's value and its detail.</summary>
    public static (string? Answer, string? Detail) YesNo(string? typed)
    {
        var text = (typed ?? string.Empty).Trim();
        foreach (var word in new[] { Yes, No })
        {
            if (text.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                var rest = text[word.Length..].TrimStart(' ', ',', ':', ';', '.', '-').Trim();
                return (word, rest.Length == 0 ? null : rest);
            }
        }

        return (null, text.Length == 0 ? null : text);
    }

    /// <summary>An answer typed as "Choice: detail", as the choice it starts with (if any) and the rest.</summary>
    public static (string? Choice, string? Detail) Choice(string? typed, IReadOnlyList<string> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var text = (typed ?? string.Empty).Trim();
        var choice = choices.FirstOrDefault(c => text.StartsWith(c, StringComparison.OrdinalIgnoreCase));
        if (choice is null)
        {
            return (null, text.Length == 0 ? null : text);
        }

        var rest = text[choice.Length..].TrimStart(' ', ',', ':', ';', '.', '-').Trim();
        return (choice, rest.Length == 0 ? null : rest);
    }

    /// <summary>The people of a typed answer (sign-in names, directory ids), one each.</summary>
    public static IReadOnlyList<string> People(string? typed) =>
        (typed ?? string.Empty).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static (string? Date, string? Time) DateAndTime(string text)
    {
        var parts = text.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var date = parts.Length > 0 && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? parts[0] : null;
        var time = parts.Length > 1 && TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? parts[1] : null;
        return (date, time);
    }
}
