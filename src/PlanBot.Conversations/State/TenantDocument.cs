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
    public required string TenantId { get; set; }

    public List<PersonRef> ReleaseAdmins { get; set; } = [];

    /// <summary>By product, compared case-insensitively.</summary>
    public Dictionary<string, ReleaseChannel> ReleaseChannels { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>By conversation id (a team's General channel, a group chat, a personal chat).</summary>
    public Dictionary<string, Installation> Installations { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Whose approval counts besides being named in section 5; release admins change it.</summary>
    public ApprovalPolicy ApprovalPolicy { get; set; } = ApprovalPolicy.Default;

    /// <summary>When set, a product's plans are for the members of its release channel only (where it has one).</summary>
    public bool ReleaseChannelMembersOnly { get; set; }

    public bool IsAdmin(PersonRef person) => ReleaseAdmins.Exists(a => a.SameAs(person));
}
