using PlanBot.Conversations.Engine.Flows;
using PlanBot.Conversations.Views;

namespace PlanBot.Conversations.Engine.Commands;

/// <summary>Who a command is for, as help says it. The plan's rules check authority when the command runs.</summary>
public enum CommandUsers
{
    Anyone,
    Owner,
    Approvers,
    ReleaseAdmins,
}

/// <summary>
/// One chat command, declared once: its name, what it accepts after the name, how help shows it, who
/// it is for, whether it needs the conversation's plan, what runs it, and whether someone of another
/// organisation in a shared channel may use it (<see cref="OpenToOutsiders"/>: reading, not changing).
/// </summary>
internal sealed record ChatCommand(
    string Name,
    string Usage,
    string Help,
    CommandUsers Users,
    bool NeedsPlan,
    Func<string, bool> Accepts,
    Func<EngineFlows, TurnWork, string, CancellationToken, Task> Run,
    bool OpenToOutsiders = false)
{
    /// <summary>Takes no arguments: "status please" is an answer, "status" is the command.</summary>
    public static bool Bare(string arguments) => arguments.Length == 0;

    public CommandHelp HelpLine => new(Usage, Users switch
    {
        CommandUsers.Owner => $"{Help} (plan owner)",
        CommandUsers.Approvers => $"{Help} (approvers named in section 5)",
        CommandUsers.ReleaseAdmins => $"{Help} (release admins)",
        _ => Help,
    });
}
