using PlanBot.Conversations.Views;

namespace PlanBot.Conversations.Engine.Commands;

/// <summary>Every command the bot understands, as <c>help</c> lists them.</summary>
public static class HelpText
{
    public static IReadOnlyList<CommandHelp> Commands { get; } = ChatCommands.All.Select(c => c.HelpLine).ToList();

    public const string Welcome =
        "Hi, I'm PlanBot. I help the deployment engineer and the developers write the deployment plan for a release, one question at a time.";

    public static HelpView View(string? intro = null) => new(intro, Commands);
}
