using System.Globalization;
using System.Text.RegularExpressions;
using PlanBot.Domain.Checklist;

namespace PlanBot.Domain.Answers;

/// <summary>
/// Turns a typed reply into a validated answer for a question's kind. Pure: the clock, the
/// user's time zone and the mentions the channel found are passed in.
/// </summary>
public static partial class AnswerReader
{
    /// <summary>Dates further ahead than this are typing mistakes, not release dates.</summary>
    public const int HorizonYears = 10;

    public const string PeopleForms =
        "@mention them (in a team or group chat) or give their email or sign-in name, such as alex@contoso.com";

    public static ReadResult Read(Question question, string text, AnswerContext context)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(context);
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length > AnswerLimits.MaxLength)
        {
            return ReadResult.Refused(string.Create(
                CultureInfo.InvariantCulture,
                $"That answer is {trimmed.Length:N0} characters long; the limit is {AnswerLimits.MaxLength:N0}. Shorten it, or link to a document."));
        }

        if (trimmed.Length == 0 && (question.Kind != AnswerKind.People || context.Mentions.Count == 0))
        {
            return ReadResult.Refused("The answer is empty.");
        }

        return question.Kind switch
        {
            AnswerKind.FreeText => ReadResult.Ok(new AnswerValue { Text = trimmed }),
            AnswerKind.Date => ReadDate(trimmed, context),
            AnswerKind.DateTimeWindow => ReadWindow(trimmed, context),
            AnswerKind.People => ReadPeople(trimmed, context),
            AnswerKind.YesNoWithDetail => ReadYesNo(trimmed),
            AnswerKind.RunSheet => ReadRunSheet(trimmed),
            _ => throw new ArgumentOutOfRangeException(nameof(question), question.Kind, "Unknown answer kind."),
        };
    }

    /// <summary>How to answer a question of this kind, for prompts and re-prompts.</summary>
    public static string ExpectedForm(AnswerKind kind) => kind switch
    {
        AnswerKind.Date => DateReader.ExpectedDate,
        AnswerKind.DateTimeWindow => "a start and an end, such as 2027-03-15 22:00 to 2027-03-16 02:00",
        AnswerKind.People => PeopleForms,
        AnswerKind.YesNoWithDetail => "yes or no, then any detail, such as \"yes, a one-hour walkthrough\"",
        AnswerKind.RunSheet => Deployment.RunSheet.Form,
        _ => "any text",
    };

    private static ReadResult ReadDate(string text, AnswerContext context)
    {
        if (!DateReader.TryReadDate(text, out var date))
        {
            return ReadResult.Refused($"I could not read \"{Shorten(text)}\" as a date. Give {DateReader.ExpectedDate}.");
        }

        var today = context.Today;
        if (date > today.AddYears(HorizonYears))
        {
            return ReadResult.Refused($"{Describe(date)} is more than {HorizonYears} years ahead. Give the date this release needs.");
        }

        if (date < today)
        {
            return ReadResult.Refused(
                $"{Describe(date)} is already past (today is {Describe(today)} in {context.Zone.Id}). Give a date from today on.");
        }

        return ReadResult.Ok(new AnswerValue
        {
            Text = Describe(date),
            DateUtc = DateReader.ToUtc(date, TimeOnly.MinValue, context.Zone),
            TimeZone = context.Zone.Id,
        });
    }

    private static ReadResult ReadWindow(string text, AnswerContext context)
    {
        var parts = WindowSeparator().Split(text, 2);
        if (parts.Length != 2 || !DateReader.TryReadDateTime(parts[0], out var startDate, out var startTime))
        {
            return ReadResult.Refused($"I could not read \"{Shorten(text)}\" as a time window. Give {ExpectedForm(AnswerKind.DateTimeWindow)}.");
        }

        if (startDate > context.Today.AddYears(HorizonYears))
        {
            return ReadResult.Refused($"The window starts more than {HorizonYears} years ahead. Give the window this release needs.");
        }

        DateOnly endDate;
        TimeOnly endTime;
        if (!DateReader.TryReadDateTime(parts[1], out endDate, out endTime))
        {
            if (!DateReader.TryReadTime(parts[1], out endTime))
            {
                return ReadResult.Refused($"I could not read the end \"{Shorten(parts[1])}\". Give {ExpectedForm(AnswerKind.DateTimeWindow)}.");
            }

            // "22:00 to 02:00" runs past midnight into the next day.
            endDate = endTime > startTime ? startDate : startDate.AddDays(1);
        }

        if (endDate > context.Today.AddYears(HorizonYears))
        {
            return ReadResult.Refused($"The window ends more than {HorizonYears} years ahead. Give the window this release needs.");
        }

        var start = DateReader.ToUtc(startDate, startTime, context.Zone);
        var end = DateReader.ToUtc(endDate, endTime, context.Zone);
        if (end <= start)
        {
            return ReadResult.Refused("The window ends before it starts. Give the start first, then the end.");
        }

        if (start < context.Now)
        {
            return ReadResult.Refused(string.Create(CultureInfo.InvariantCulture, $"The window starts in the past ({Describe(startDate)} {startTime:HH:mm} in {context.Zone.Id}). Give a window that lies ahead."));
        }

        var endText = endDate == startDate
            ? endTime.ToString("HH:mm", CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{Describe(endDate)} {endTime:HH:mm}");
        return ReadResult.Ok(new AnswerValue
        {
            Text = string.Create(CultureInfo.InvariantCulture, $"{Describe(startDate)} {startTime:HH:mm} to {endText} ({context.Zone.Id})"),
            WindowStartUtc = start,
            WindowEndUtc = end,
            TimeZone = context.Zone.Id,
        });
    }

    private static ReadResult ReadPeople(string text, AnswerContext context)
    {
        var people = new List<PersonRef>();
        var rest = text;
        foreach (var mention in context.Mentions)
        {
            if (!people.Any(p => p.SameAs(mention.Person)))
            {
                people.Add(mention.Person);
            }

            rest = rest.Replace(mention.Markup, " ", StringComparison.Ordinal);
        }

        var bareNames = new List<string>();
        foreach (var token in PeopleSeparator().Split(rest))
        {
            var word = token.Trim().Trim('<', '>', '(', ')', '.', '"');
            if (word.Length == 0 || Connectives.Contains(word))
            {
                continue;
            }

            if (Guid.TryParseExact(word, "D", out var objectId))
            {
                // A people picker gives directory (Entra) object ids; the channel resolves them to members.
                var id = objectId.ToString("D");
                if (!people.Any(p => string.Equals(p.AadObjectId, id, StringComparison.OrdinalIgnoreCase)))
                {
                    people.Add(new PersonRef(string.Empty, string.Empty, AadObjectId: id));
                }
            }
            else if (Email().IsMatch(word))
            {
                if (!people.Any(p => string.Equals(p.Upn, word, StringComparison.OrdinalIgnoreCase)))
                {
                    people.Add(new PersonRef(string.Empty, word, Upn: word.ToLowerInvariant()));
                }
            }
            else
            {
                bareNames.Add(word);
            }
        }

        if (bareNames.Count > 0)
        {
            return ReadResult.Refused(
                $"I can't tell who \"{Shorten(string.Join(' ', bareNames))}\" is from a name alone. {Capitalise(PeopleForms)}.");
        }

        if (people.Count == 0)
        {
            return ReadResult.Refused($"Name at least one person: {PeopleForms}.");
        }

        return ReadResult.Ok(new AnswerValue { Text = string.Join(", ", people.Select(p => p.ToString())), People = people });
    }

    private static ReadResult ReadRunSheet(string text)
    {
        var (steps, problem) = Deployment.RunSheet.Read(text);
        if (steps is null)
        {
            return ReadResult.Refused(problem!);
        }

        var lines = steps.Select(s =>
            s.Component
            + (s.Nodes.Count > 0 ? $" on {string.Join(", ", s.Nodes)}" : string.Empty)
            + (s.After.Count > 0 ? $" after {string.Join(", ", s.After)}" : string.Empty));
        return ReadResult.Ok(new AnswerValue { Text = string.Join('\n', lines), Steps = steps });
    }

    private static ReadResult ReadYesNo(string text)
    {
        var match = YesNo().Match(text);
        if (!match.Success)
        {
            return ReadResult.Refused($"Start with yes or no, then add any detail, such as \"yes, a one-hour walkthrough\".");
        }

        var yes = match.Groups["word"].Value.StartsWith("y", StringComparison.OrdinalIgnoreCase);
        var detail = match.Groups["detail"].Value.Trim();
        return ReadResult.Ok(new AnswerValue
        {
            Text = detail.Length == 0 ? (yes ? "Yes" : "No") : $"{(yes ? "Yes" : "No")}: {detail}",
            Yes = yes,
            Detail = detail.Length == 0 ? null : detail,
        });
    }

    public static string Describe(DateOnly date) => date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");

    private static string Capitalise(string text) => string.Concat(text[..1].ToUpperInvariant(), text.AsSpan(1));

    private static readonly HashSet<string> Connectives = new(["and", "&", "+"], StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"\s+(?:to|until|till|–|—|-)\s+|\s*[–—]\s*|(?<=\d)-(?=\d{1,2}:)", RegexOptions.IgnoreCase)]
    private static partial Regex WindowSeparator();

    [GeneratedRegex(@"[,;\s]+")]
    private static partial Regex PeopleSeparator();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^(?<word>yes|yeah|yep|y|no|nope|n)\b[\s,.:;!-]*(?<detail>.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex YesNo();
}
