namespace PlanBot.Domain.Answers;

/// <summary>
/// A validated answer. <see cref="Text"/> is always set and is how the answer reads in the plan;
/// the typed fields are set according to the question's kind. Instants are UTC, with the IANA zone
/// the user answered in so they can be shown back in it.
/// </summary>
public sealed record AnswerValue
{
    public required string Text { get; init; }

    public DateTimeOffset? DateUtc { get; init; }

    public DateTimeOffset? WindowStartUtc { get; init; }

    public DateTimeOffset? WindowEndUtc { get; init; }

    public string? TimeZone { get; init; }

    public IReadOnlyList<PersonRef>? People { get; init; }

    public bool? Yes { get; init; }

    public string? Detail { get; init; }

    /// <summary>A run sheet's steps in deployment order; absent for answers of other kinds.</summary>
    public IReadOnlyList<Deployment.RunStep>? Steps { get; init; }
}
