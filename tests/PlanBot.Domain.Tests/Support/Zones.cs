using PlanBot.Domain.Answers;

namespace PlanBot.Domain.Tests.Support;

internal static class Zones
{
    public static readonly TimeZoneInfo Auckland = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Auckland");

    public static readonly TimeZoneInfo LosAngeles = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    public static AnswerContext Utc(DateTimeOffset now, params Mention[] mentions) => new(now, TimeZoneInfo.Utc, mentions);

    public static AnswerContext In(TimeZoneInfo zone, DateTimeOffset now) => new(now, zone, []);
}
