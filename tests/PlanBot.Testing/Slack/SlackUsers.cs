using PlanBot.Domain.Answers;

namespace PlanBot.Testing.Slack;

/// <summary>The users of the workspace in <see cref="SlackPayloads"/>, as PlanBot knows them on a plan.</summary>
public static class SlackUsers
{
    public static readonly PersonRef Owner = new(SlackPayloads.Owner, "Alex Wilber");

    public static readonly PersonRef Approver = new(SlackPayloads.Approver, "Megan Bowen");

    public static readonly PersonRef Developer = new(SlackPayloads.Developer, "Diego Siciliani");
}
