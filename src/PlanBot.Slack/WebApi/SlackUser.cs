namespace PlanBot.Slack.WebApi;

/// <summary>The parts of <c>users.info</c> PlanBot uses: names, the IANA time zone, and the user's own workspace or organisation.</summary>
public sealed class SlackUser
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? RealName { get; set; }

    /// <summary>IANA zone, such as <c>Europe/London</c>.</summary>
    public string? Tz { get; set; }

    public bool IsBot { get; set; }

    /// <summary>The user's own workspace: another organisation's for someone in a Slack Connect channel.</summary>
    public string? TeamId { get; set; }

    /// <summary>Set for a member of an Enterprise Grid organisation.</summary>
    public SlackEnterpriseUser? EnterpriseUser { get; set; }

    public bool Deleted { get; set; }

    public SlackUserProfile? Profile { get; set; }

    /// <summary>The name people see: display name, else real name, else the handle.</summary>
    public string DisplayName =>
        FirstNonEmpty(Profile?.DisplayName, Profile?.RealName, RealName, Name) ?? string.Empty;

    private static string? FirstNonEmpty(params string?[] names) => names.FirstOrDefault(n => !string.IsNullOrWhiteSpace(n));
}

/// <summary>A Grid member's organisation, from <c>users.info</c>.</summary>
public sealed class SlackEnterpriseUser
{
    public string? EnterpriseId { get; set; }
}
