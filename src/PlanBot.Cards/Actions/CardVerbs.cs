namespace PlanBot.Cards.Actions;

/// <summary>
/// The verbs PlanBot's buttons send. An <c>Action.Submit</c> carries its verb in its data under
/// <see cref="CardDataKeys.Verb"/>; an <c>Action.Execute</c> carries it as the action's <c>verb</c>.
/// </summary>
public static class CardVerbs
{
    /// <summary>Save the answer in the inputs <see cref="CardInputIds.Answer"/> (and <see cref="CardInputIds.Detail"/>).</summary>
    public const string Answer = "answer";

    /// <summary>Leave the question for later; sends no inputs.</summary>
    public const string Skip = "skip";

    public const string Approve = "approve";

    /// <summary>Reject; the reason is in the input <see cref="CardInputIds.Reason"/>.</summary>
    public const string Reject = "reject";

    /// <summary>The card's automatic refresh (Universal Actions, trigger <c>automatic</c>): answer with the card for this user.</summary>
    public const string RefreshView = "refreshView";

    /// <summary>Save a section form: its inputs, named by <see cref="SectionInputs"/>, with the section and the revision shown.</summary>
    public const string SaveSection = "saveSection";

    /// <summary>Save a section form as <see cref="SaveSection"/> does, then send the plan to its approvers if that completes it.</summary>
    public const string SaveAndSubmit = "saveAndSubmit";

    /// <summary>Keep every answer carried over into the section.</summary>
    public const string KeepSection = "keepSection";

    /// <summary>Keep, or remove, the carried-over answer to the question in the data.</summary>
    public const string KeepAnswer = "keepAnswer";

    public const string RemoveAnswer = "removeAnswer";

    /// <summary>Keep, in every section, the carried-over answers nothing was found wrong with.</summary>
    public const string KeepUnflagged = "keepUnflagged";

    /// <summary>Open a section's form.</summary>
    public const string OpenSection = "openSection";

    /// <summary>Send the finished plan to its approvers.</summary>
    public const string SubmitPlan = "submitPlan";

    /// <summary>A step of the run sheet (<see cref="CardDataKeys.Step"/>) is done, or has a problem; note in <see cref="CardInputIds.Note"/>.</summary>
    public const string StepDone = "stepDone";

    public const string StepProblem = "stepProblem";

    /// <summary>A success criterion (<see cref="CardDataKeys.Criterion"/>) passed, or failed; note in <see cref="CardInputIds.Note"/>.</summary>
    public const string CheckPass = "checkPass";

    public const string CheckFail = "checkFail";
}
