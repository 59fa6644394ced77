namespace PlanBot.Cards.AdaptiveCards.Model;

/// <summary>One choice of an <see cref="InputChoiceSet"/>: shown as <see cref="Title"/>, sent as <see cref="Value"/>.</summary>
public sealed record Choice(string Title, string Value);
