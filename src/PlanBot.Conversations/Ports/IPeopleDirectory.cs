using PlanBot.Conversations.Turns;
using PlanBot.Domain.Answers;

namespace PlanBot.Conversations.Ports;

/// <summary>
/// Looks people up among the members the channel can see from a conversation (Teams: get member by
/// UPN, the conversation's roster). Null wherever the channel cannot tell.
/// </summary>
public interface IPeopleDirectory
{
    /// <summary>The member with this email, sign-in name or directory object id; null when not found or the channel cannot tell.</summary>
    Task<PersonRef?> FindAsync(ConversationRef where, string upn, CancellationToken cancellationToken);

    /// <summary>
    /// Everyone in the conversation (a team channel: the team's members), or null when the channel
    /// cannot list them. Used to point out carried-over people who have left the team.
    /// </summary>
    Task<IReadOnlyList<PersonRef>?> MembersAsync(ConversationRef where, CancellationToken cancellationToken);
}
