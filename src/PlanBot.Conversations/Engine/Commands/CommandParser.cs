namespace PlanBot.Conversations.Engine.Commands;

/// <summary>A chat command and its arguments, as typed.</summary>
public sealed record Command(string Name, string Arguments);

/// <summary>Recognises chat commands, for adapters that need to know whether text is one (Slack's <c>/plan</c>).</summary>
public static class CommandParser
{
    public static Command? Parse(string? text) =>
        ChatCommands.Parse(text) is var (command, arguments) ? new Command(command.Name, arguments) : null;
}
