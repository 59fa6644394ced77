namespace PlanBot.Cards.AdaptiveCards.Model;

/// <summary>Sends <see cref="Data"/> and the inputs to the bot as a message whose <c>value</c> holds them.</summary>
public sealed record SubmitAction : AdaptiveAction
{
    public ActionData? Data { get; init; }

    /// <summary>1.3; <see cref="AssociatedInputs.None"/> skips validation, as a Skip button must.</summary>
    public AssociatedInputs? AssociatedInputs { get; init; }
}
