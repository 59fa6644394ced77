namespace PlanBot.Cards.AdaptiveCards.Model;

/// <summary>
/// The hidden data PlanBot's buttons carry. The host merges the card's input values into it (keys =
/// input ids), so none of these names may be used as an input id.
/// </summary>
public sealed record ActionData
{
    /// <summary>Set on <see cref="SubmitAction"/> only: an <see cref="ExecuteAction"/> carries its verb beside its data.</summary>
    public string? Verb { get; init; }

    public string? PlanId { get; init; }

    public string? QuestionId { get; init; }

    public int? Revision { get; init; }

    /// <summary>The section a form's button acts on.</summary>
    public int? Section { get; init; }

    /// <summary>The run sheet step a button acts on.</summary>
    public int? Step { get; init; }

    /// <summary>The success criterion a button acts on.</summary>
    public int? Criterion { get; init; }
}
