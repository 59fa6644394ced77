namespace PlanBot.Domain.Checklist;

/// <summary>What a section is called, what it holds, and the words a user may type to name it.</summary>
public sealed record SectionInfo(Section Section, string Title, string Holds, IReadOnlyList<string> Aliases)
{
    public int Number => (int)Section;

    public static IReadOnlyList<SectionInfo> All { get; } =
    [
        new(Section.ScopeAndOverview, "Scope and overview", "The release's scope and the capabilities being deployed.", ["scope", "overview"]),
        new(Section.TimingAndDependencies, "Timing and dependencies", "When each component goes to which node(s), in what order, and what it depends on.", ["timing", "dependencies", "schedule"]),
        new(Section.RisksAndIssues, "Risks and issues", "Risks or issues with the release, from a risk assessment.", ["risks", "risk", "issues"]),
        new(Section.ImpactedOrganisation, "Impacted organisation", "The customer organisation, stakeholders and end-user community affected.", ["impacted", "organisation", "organization", "users", "stakeholders"]),
        new(Section.Approvers, "Approvers", "Who has the authority to declare the release ready for production.", ["approvers", "approval"]),
        new(Section.DeliveryTeam, "Delivery team", "The developers responsible for handing the release package to deployment, with contact details.", ["delivery", "team", "developers"]),
        new(Section.TransitionApproach, "Transition approach", "How the package passes to the deployment engineer: communication protocol and escalation procedure.", ["transition", "handover", "escalation", "support"]),
        new(Section.SuccessCriteria, "Success criteria", "How the deployment engineer will know the deployment succeeded and can report it.", ["success", "criteria", "done"]),
        new(Section.Backout, "Backout plan", "What makes the team back the release out, how, who decides, and whether the previous version still runs on the new data.", ["backout", "rollback", "roll back", "back out"]),
    ];

    public static SectionInfo Of(Section section) => All[(int)section - 1];

    /// <summary>Finds a section by its number ("3"), its title or one of its aliases; null when nothing matches.</summary>
    public static SectionInfo? Find(string text)
    {
        var key = text.Trim().TrimEnd('.').ToLowerInvariant();
        if (key.Length == 0)
        {
            return null;
        }

        if (int.TryParse(key, out var number))
        {
            return number >= 1 && number <= All.Count ? All[number - 1] : null;
        }

        return All.FirstOrDefault(s => s.Title.Equals(key, StringComparison.OrdinalIgnoreCase))
            ?? All.FirstOrDefault(s => s.Aliases.Contains(key))
            ?? All.FirstOrDefault(s => s.Title.StartsWith(key, StringComparison.OrdinalIgnoreCase));
    }
}
