namespace PlanBot.Domain.Answers;

/// <summary>The outcome of reading a reply as an answer: a value, or why it was refused and what would work.</summary>
public sealed record ReadResult(AnswerValue? Value, string? Problem)
{
    public bool IsValid => Value is not null;

    public static ReadResult Ok(AnswerValue value) => new(value, null);

    public static ReadResult Refused(string problem) => new(null, problem);
}
