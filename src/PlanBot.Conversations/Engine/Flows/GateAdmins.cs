using PlanBot.Conversations.State;

namespace PlanBot.Conversations.Engine.Flows;

/// <summary>Who may set gates up: the tenant's release admins, on a channel that keeps tenant settings.</summary>
internal static class GateAdmins
{
    /// <summary>Why <paramref name="work"/>'s sender may not do this here, or null when they may.</summary>
    public static string? Refusal(ReleaseChannels channels, TenantDocument? tenant, TurnWork work)
    {
        if (!channels.Available)
        {
            return "Gates are not available on this channel.";
        }

        if (tenant is null || tenant.ReleaseAdmins.Count == 0)
        {
            return "Nobody administers releases here yet: the first person to install me, or to set a release channel, does. Gates are theirs to set up.";
        }

        return tenant.IsAdmin(work.From) ? null : $"Only a release admin may set up gates: {string.Join(", ", tenant.ReleaseAdmins)}.";
    }
}
