namespace PlanBot.Conversations.Views;

public sealed record CommandHelp(string Usage, string Description);

/// <summary>The list of commands, with an optional line before it (a welcome, or why help is shown).</summary>
public sealed record HelpView(string? Intro, IReadOnlyList<CommandHelp> Commands) : View;
