namespace PlanBot.Domain.Answers;

/// <summary>An answer to one checklist question, with where it came from.</summary>
public sealed record Answer(string QuestionId, AnswerValue Value, Provenance Provenance)
{
    /// <summary>Carried over from a baseline and not yet kept or changed for this release.</summary>
    public bool IsUnconfirmed => Provenance.CarriedOver;
}
