namespace PlanBot.Domain.Answers;

/// <summary>A person @mentioned in a message, with the exact markup that stands for them in the text.</summary>
public sealed record Mention(string Markup, PersonRef Person);
