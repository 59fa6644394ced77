namespace PlanBot.Cards.AdaptiveCards;

/// <summary>
/// How much of the long texts a card shows. The renderer starts with everything and lowers
/// <see cref="AnswerChars"/> until the card fits its size budget.
/// </summary>
internal sealed record CardDetail(int AnswerChars)
{
    /// <summary>An approver's reason: as long as an answer, at most 1,000 characters.</summary>
    public int ReasonChars => Math.Min(AnswerChars, 1000);

    /// <summary>A message of the engine's own (a notice, a problem): a few answers' worth.</summary>
    public int MessageChars => Math.Max(AnswerChars * 4, 200);

    /// <summary>The longest list (warnings, changes, decisions) shown whole.</summary>
    public int ListItems => AnswerChars >= 200 ? 50 : AnswerChars >= 60 ? 20 : 8;
}
