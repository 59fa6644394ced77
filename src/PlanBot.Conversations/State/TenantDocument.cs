using System.Text.Json.Serialization;
using PlanBot.Conversations.Turns;
using PlanBot.Domain.Answers;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.State;

/// <summary>A product's release channel: where its plans are posted for approval.</summary>
public sealed record ReleaseChannel(string Product, ConversationRef Channel, PersonRef SetBy, DateTimeOffset At, bool Stale = false);

/// <summary>Where the bot is installed, and by whom; <see cref="Removed"/> once it was taken out.</summary>
public sealed record Installation(ConversationRef Conversation, PersonRef InstalledBy, DateTimeOffset At, bool Removed = false);

/// <summary>
/// A tenant's settings: who may administer releases, each product's release channel, where the
/// bot is installed, and whose approvals count. Read only by the turns that need it (channel commands, submit, installs).
/// </summary>
public sealed class TenantDocument
{
    private Dictionary<string, ReleaseChannel> releaseChannels = new(StringComparer.OrdinalIgnoreCase);

    public required string TenantId { get; set; }

    public List<PersonRef> ReleaseAdmins { get; set; } = [];

    /// <summary>
    /// By product, compared case-insensitively. A stored document is read into a new dictionary, so
    /// the setter puts the comparer back: after a reload "contoso.web" still finds "Contoso.Web".
    /// </summary>
    public Dictionary<string, ReleaseChannel> ReleaseChannels
    {
        get => releaseChannels;
        set => releaseChannels = ReferenceEquals(value.Comparer, StringComparer.OrdinalIgnoreCase) ? value : new(value, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>By conversation id (a team's General channel, a group chat, a personal chat).</summary>
    public Dictionary<string, Installation> Installations { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Whose approval counts besides being named in section 5, as release admins set it; absent (null)
    /// for the default, so documents stored before it keep their shape.
    /// </summary>
    public ApprovalPolicy? ApprovalPolicy { get; set; }

    /// <summary>When set, a product's plans are for the members of its release channel only (where it has one).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool ReleaseChannelMembersOnly { get; set; }

    /// <summary>When set, plans may be submitted without a backout plan (section 9); by default they may not.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool BackoutOptional { get; set; }

    /// <summary>Keys pipelines ask about this tenant's plans with (at most two live, for rotation); absent (null) until one is made.</summary>
    public List<GateKey>? GateKeys { get; set; }

    /// <summary>GitHub repository environments whose deployments wait for a product's plans; absent (null) until one is linked.</summary>
    public List<GitHubLink>? GitHubLinks { get; set; }

    /// <summary>Only in the document stored under <see cref="GitHubDirectory.TenantId"/>: where GitHub's deliveries go.</summary>
    public GitHubDirectory? GitHub { get; set; }

    /// <summary>The approval policy in force: the one set, or the default.</summary>
    [JsonIgnore]
    public ApprovalPolicy Policy => ApprovalPolicy ?? Domain.Plans.ApprovalPolicy.Default;

    public bool IsAdmin(PersonRef person) => ReleaseAdmins.Exists(a => a.SameAs(person));

    /// <summary><paramref name="plan"/> under this tenant's rules of what a plan may go without.</summary>
    public static Plan Govern(Plan plan, TenantDocument? tenant)
    {
        var optional = tenant?.BackoutOptional == true;
        return plan.BackoutOptional == optional ? plan : plan with { BackoutOptional = optional };
    }
}
