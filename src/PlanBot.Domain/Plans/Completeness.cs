using PlanBot.Domain.Checklist;

namespace PlanBot.Domain.Plans;

/// <summary>How complete a plan is against the checklist and the artifact's sections.</summary>
public sealed record Completeness(
    int Answered,
    int Total,
    IReadOnlyList<Question> Missing,
    IReadOnlyList<Question> Unconfirmed,
    IReadOnlyList<Section> CompleteSections)
{
    public int Percent => Total == 0 ? 100 : Answered * 100 / Total;

    /// <summary>Every question answered and nothing carried over left unconfirmed.</summary>
    public bool IsComplete => Missing.Count == 0 && Unconfirmed.Count == 0;
}
