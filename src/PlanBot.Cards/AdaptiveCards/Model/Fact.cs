namespace PlanBot.Cards.AdaptiveCards.Model;

/// <summary>One row of a <see cref="FactSet"/>; both parts are read as Markdown, like a <see cref="TextBlock"/>.</summary>
public sealed record Fact(string Title, string Value);
