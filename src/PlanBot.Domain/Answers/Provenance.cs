namespace PlanBot.Domain.Answers;

/// <summary>Who gave an answer, when, on which channel, and whether it came over from a baseline plan.</summary>
public sealed record Provenance(
    PersonRef AnsweredBy,
    DateTimeOffset At,
    string Channel,
    bool CarriedOver = false,
    string? CarriedFromPlanId = null);
