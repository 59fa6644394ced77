using PlanBot.Conversations.Turns;
using PlanBot.Domain.Answers;

namespace PlanBot.Conversations.Ports;

/// <summary>
/// Looks a person up by email or sign-in name among the members the channel can see from a
/// conversation (Teams: get member by UPN). Null when the channel cannot tell.
/// </summary>
public interface IPeopleDirectory
{
    Task<PersonRef?> FindAsync(ConversationRef where, string upn, CancellationToken cancellationToken);
}
