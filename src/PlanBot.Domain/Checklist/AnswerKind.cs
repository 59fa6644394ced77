namespace PlanBot.Domain.Checklist;

/// <summary>The shape of answer a question expects; it decides how a reply is read and validated.</summary>
public enum AnswerKind
{
    FreeText,
    Date,
    DateTimeWindow,
    People,
    YesNoWithDetail,

    /// <summary>Components, their nodes and what each comes after, one line each (see <see cref="Deployment.RunSheet"/>).</summary>
    RunSheet,
}
