namespace PlanBot.Cards.AdaptiveCards;

/// <summary>A card's JSON and its size as Teams counts it: UTF-16, two bytes a character.</summary>
public sealed record SerializedCard(string Json, int Utf16Bytes)
{
    public bool WithinBudget => Utf16Bytes <= AdaptiveCardSerializer.BudgetBytes;

    public bool WithinHardLimit => Utf16Bytes <= AdaptiveCardSerializer.HardLimitBytes;
}
