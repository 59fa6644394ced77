namespace PlanBot.Domain.Answers;

/// <summary>What reading an answer needs from outside: now, the user's zone, and the people mentioned.</summary>
public sealed record AnswerContext(DateTimeOffset Now, TimeZoneInfo Zone, IReadOnlyList<Mention> Mentions)
{
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, Zone).DateTime);
}
