using System.Globalization;
using System.Text.RegularExpressions;

namespace PlanBot.Domain.Answers;

/// <summary>Reads the date and time forms people type: ISO (<c>2027-03-15</c>) and written (<c>15 Mar 2027</c>, <c>March 15, 2027</c>).</summary>
public static partial class DateReader
{
    public const string ExpectedDate = "a date such as 2027-03-15 or 15 Mar 2027";

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-M-d", "yyyy/MM/dd",
        "d MMM yyyy", "d MMMM yyyy", "d MMM, yyyy", "d MMMM, yyyy",
        "MMM d yyyy", "MMMM d yyyy", "MMM d, yyyy", "MMMM d, yyyy",
        "ddd d MMM yyyy", "dddd d MMMM yyyy", "ddd, d MMM yyyy", "dddd, d MMMM yyyy",
    ];

    public static bool TryReadDate(string text, out DateOnly date)
    {
        var cleaned = Normalise(text);
        return DateOnly.TryParseExact(cleaned, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out date);
    }

    /// <summary>Reads "date time" where time is <c>HH:mm</c> (24 h) or <c>h:mm am/pm</c>.</summary>
    public static bool TryReadDateTime(string text, out DateOnly date, out TimeOnly time)
    {
        date = default;
        time = default;
        var match = TrailingTime().Match(Normalise(text));
        return match.Success
            && TryReadTime(match.Groups["time"].Value, out time)
            && TryReadDate(match.Groups["date"].Value, out date);
    }

    public static bool TryReadTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text.Trim().ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal),
            ["H:mm", "HH:mm", "h:mmtt", "htt", "H.mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>The instant a local date and time stand for in <paramref name="zone"/>.</summary>
    public static DateTimeOffset ToUtc(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // A time skipped by a daylight-saving jump: move past the gap rather than refuse it.
            local = local.AddHours(1);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }

    private static string Normalise(string text)
    {
        var trimmed = text.Trim().TrimEnd('.');
        // "15th March 2027" reads as "15 March 2027".
        return Ordinal().Replace(trimmed, "$1");
    }

    [GeneratedRegex(@"\b(\d{1,2})(st|nd|rd|th)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Ordinal();

    [GeneratedRegex(@"^(?<date>.+?)[ ,T]+(at )?(?<time>\d{1,2}([:.]\d{2})?\s*([ap]m)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingTime();
}
