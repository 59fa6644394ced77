using Microsoft.Extensions.Logging;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.Turns;
using PlanBot.Domain.Answers;
using PlanBot.Slack.Turns;
using PlanBot.Slack.WebApi;

namespace PlanBot.Slack.People;

/// <summary>
/// People as the Slack workspace knows them: a person by email (<c>users.lookupByEmail</c>, which
/// needs <c>users:read.email</c>) and a channel's members (<c>conversations.members</c>).
/// Null wherever Slack cannot tell; a lookup that fails is never an error for the turn.
/// </summary>
public sealed class SlackPeopleDirectory(SlackWebApiClient api, ILogger<SlackPeopleDirectory> logger) : IPeopleDirectory
{
    /// <summary>A channel larger than this is not listed: too many calls for a review note.</summary>
    public const int MaxMembers = 10_000;

    public async Task<PersonRef?> FindAsync(ConversationRef where, string upn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(where);
        if (where.Channel != SlackTenancy.Channel || string.IsNullOrWhiteSpace(upn))
        {
            return null;
        }

        try
        {
            var user = await api.LookupUserByEmailAsync(upn, cancellationToken);
            return user?.Id is { Length: > 0 } id && !user.Deleted
                ? new PersonRef(id, user.DisplayName.Length > 0 ? user.DisplayName : upn, Upn: upn.ToLowerInvariant())
                : null;
        }
        catch (SlackApiException failure)
        {
            logger.PeopleLookupFailed(failure.Method, failure.Error);
            return null;
        }
    }

    public async Task<IReadOnlyList<PersonRef>?> MembersAsync(ConversationRef where, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(where);
        if (where.Channel != SlackTenancy.Channel || !SlackConversationId.IsWellFormed(where.ConversationId))
        {
            return null;
        }

        try
        {
            var (channel, _) = SlackConversationId.Parse(where.ConversationId);
            var members = await api.GetMembersAsync(channel, MaxMembers, cancellationToken);
            // Only ids: a carried-over person from Slack is known by id, and that is what is compared.
            return members.Count >= MaxMembers ? null : members.Select(id => new PersonRef(id, id)).ToList();
        }
        catch (SlackApiException failure)
        {
            logger.PeopleLookupFailed(failure.Method, failure.Error);
            return null;
        }
    }
}
