using System.Globalization;

namespace PlanBot.Domain.Tests.Support;

/// <summary>Dates relative to a "now", written the ways people type them.</summary>
internal static class DateText
{
    public static DateOnly TodayIn(DateTimeOffset now, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);

    public static DateOnly UtcDaysFrom(DateTimeOffset now, int days) => DateOnly.FromDateTime(now.UtcDateTime).AddDays(days);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Format(DateOnly date, string format) => date.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>"15th March 2027".</summary>
    public static string WithOrdinal(DateOnly date) =>
        $"{date.Day}{OrdinalSuffix(date.Day)} {date.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}";

    private static string OrdinalSuffix(int day) => day switch
    {
        11 or 12 or 13 => "th",
        _ when day % 10 == 1 => "st",
        _ when day % 10 == 2 => "nd",
        _ when day % 10 == 3 => "rd",
        _ => "th",
    };
}
