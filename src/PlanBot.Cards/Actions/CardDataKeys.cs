namespace PlanBot.Cards.Actions;

/// <summary>The keys of the data PlanBot's buttons carry, beside the input values.</summary>
public static class CardDataKeys
{
    public const string Verb = "verb";

    public const string PlanId = "planId";

    public const string QuestionId = "questionId";

    public const string Revision = "revision";

    public const string Section = "section";

    public const string Step = "step";

    public const string Criterion = "criterion";
}
