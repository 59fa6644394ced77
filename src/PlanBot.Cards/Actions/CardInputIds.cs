namespace PlanBot.Cards.Actions;

/// <summary>The ids of the inputs on PlanBot's cards: the keys their values arrive under.</summary>
public static class CardInputIds
{
    /// <summary>The answer's text; for a yes/no question, <c>yes</c> or <c>no</c>.</summary>
    public const string Answer = "answer";

    /// <summary>The optional detail after yes or no; the engine reads the two as the reply "yes, detail".</summary>
    public const string Detail = "detail";

    /// <summary>Why an approver rejects.</summary>
    public const string Reason = "reason";

    /// <summary>A note on a run sheet step or a success criterion.</summary>
    public const string Note = "note";
}
