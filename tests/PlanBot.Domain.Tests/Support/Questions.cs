using PlanBot.Domain.Checklist;

namespace PlanBot.Domain.Tests.Support;

/// <summary>One question of each answer kind, independent of the checklist's wording.</summary>
internal static class Questions
{
    public static Question Of(AnswerKind kind) =>
        new($"sample-{kind}", $"A {kind} question?", [Section.ScopeAndOverview], kind, CarryOverRule.KeepUnconfirmed);

    public static readonly Question FreeText = Of(AnswerKind.FreeText);

    public static readonly Question Date = Of(AnswerKind.Date);

    public static readonly Question Window = Of(AnswerKind.DateTimeWindow);

    public static readonly Question People = Of(AnswerKind.People);

    public static readonly Question YesNo = Of(AnswerKind.YesNoWithDetail);
}
