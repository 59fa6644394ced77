using System.Globalization;
using System.Text.RegularExpressions;
using PlanBot.Domain.Answers;
using PlanBot.Domain.Plans;

namespace PlanBot.Domain.Reuse;

/// <summary>
/// Points out what in a carried-over answer belongs to an old release: the previous version string,
/// and dates that are already past. The answer stays; the reviewer decides.
/// </summary>
public static partial class StaleContent
{
    public static IReadOnlyList<string> Find(Answer answer, Plan plan, string? baselineVersion, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(plan);
        var findings = new List<string>();
        var text = answer.Value.Text;
        if (baselineVersion is not null
            && !string.Equals(baselineVersion, plan.Version, StringComparison.OrdinalIgnoreCase)
            && Regex.IsMatch(text, $@"(?<![\w.])[vV]?{Regex.Escape(baselineVersion)}(?![\w]|\.\d)", RegexOptions.IgnoreCase))
        {
            findings.Add($"mentions {baselineVersion}, the previous release");
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var pastInText = false;
        foreach (Match match in DateLike().Matches(text))
        {
            if (DateReader.TryReadDate(match.Value, out var date) && date < today)
            {
                findings.Add($"mentions {match.Value.Trim()}, which is past");
                pastInText = true;
            }
        }

        foreach (var instant in new[] { answer.Value.DateUtc, answer.Value.WindowStartUtc })
        {
            // A date answer's text names its date: say it once.
            if (instant is { } at && at < now && !pastInText)
            {
                findings.Add($"its date {at:yyyy-MM-dd} is past");
            }
        }

        return findings;
    }

    [GeneratedRegex(@"\b(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}(st|nd|rd|th)? (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]* \d{4}|(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]* \d{1,2},? \d{4})\b", RegexOptions.IgnoreCase)]
    private static partial Regex DateLike();
}
