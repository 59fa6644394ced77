using System.Globalization;
using PlanBot.Domain.Answers;

namespace PlanBot.Conversations.Engine;

/// <summary>
/// A stored answer written back the way a person would type it, which reads back to the same answer:
/// what a form's input shows, and how a form tells an answer left as it was from one changed.
/// A date is written as the day it was given; a window in the zone of the person looking; people by sign-in name or directory id.
/// </summary>
public static class TypedAnswers
{
    public const string WindowSeparator = " to ";

    public static string Of(AnswerValue value, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(zone);
        if (value.DateUtc is { } date)
        {
            // A date is the day it was given as, in the zone it was given in.
            var given = value.TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var own) ? own : zone;
            return Local(date, given).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (value is { WindowStartUtc: { } start, WindowEndUtc: { } end })
        {
            return $"{Stamp(Local(start, zone))}{WindowSeparator}{Stamp(Local(end, zone))}";
        }

        if (value.People is { Count: > 0 } people && people.All(p => (p.Upn ?? p.AadObjectId) is not null))
        {
            return string.Join(", ", people.Select(p => p.Upn ?? p.AadObjectId));
        }

        if (value.Yes is bool yes)
        {
            var word = yes ? "Yes" : "No";
            return value.Detail is { Length: > 0 } detail ? $"{word}: {detail}" : word;
        }

        return value.Text;
    }

    /// <summary>The instant in the zone of the person looking, which their answer is read in too.</summary>
    private static DateTime Local(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone).DateTime;

    private static string Stamp(DateTime local) => local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
