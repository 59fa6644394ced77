using System.Text.Json;
using PlanBot.BotFramework.Connector;
using PlanBot.BotFramework.Schema;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.Turns;
using PlanBot.Domain.Answers;

namespace PlanBot.BotFramework.Teams;

/// <summary>
/// Finds a person by email, UPN or directory object id (what the people picker gives) among a Teams
/// conversation's members (get member accepts a UPN or an object id).
/// In a personal chat the only member is the user, so others are found only from a team or group chat.
/// </summary>
public sealed class TeamsPeopleDirectory(ConnectorClient connector) : IPeopleDirectory
{
    public async Task<PersonRef?> FindAsync(ConversationRef where, string upn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(where);
        if (where.ServiceUrl is null || where.Channel != TeamsChannel.Id)
        {
            return null;
        }

        try
        {
            // Teams looks members up by UPN directly; where that is not offered, search the roster.
            var member = await connector.GetMemberAsync(where.ServiceUrl, where.ConversationId, upn, cancellationToken)
                ?? (await connector.GetMembersAsync(where.ServiceUrl, where.ConversationId, cancellationToken))
                    .FirstOrDefault(m => Matches(m, upn));
            if (member?.Id is null)
            {
                return null;
            }

            var person = ToPerson(member);
            return person.Upn is null && upn.Contains('@', StringComparison.Ordinal) ? person with { Name = member.Name ?? upn, Upn = upn.ToLowerInvariant() } : person;
        }
        catch (Exception failure) when (failure is ConnectorException or HttpRequestException)
        {
            // The directory is a convenience: without it the person is kept by email.
            return null;
        }
    }

    public async Task<IReadOnlyList<PersonRef>?> MembersAsync(ConversationRef where, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(where);
        if (where.ServiceUrl is null || where.Channel != TeamsChannel.Id)
        {
            return null;
        }

        try
        {
            // In a team channel this is the team's roster; a thread id lists the same members.
            var members = await connector.GetMembersAsync(where.ServiceUrl, where.ConversationId, cancellationToken);
            return members.Where(m => m.Id is not null).Select(ToPerson).ToList();
        }
        catch (Exception failure) when (failure is ConnectorException or HttpRequestException)
        {
            return null;
        }
    }

    private static PersonRef ToPerson(ChannelAccount member)
    {
        var principal = Read(member.Extra, "userPrincipalName") ?? Read(member.Extra, "email");
        return new PersonRef(member.Id!, member.Name ?? principal ?? member.Id!, ObjectId(member), principal?.ToLowerInvariant());
    }

    /// <summary>The member's directory object id: <c>aadObjectId</c> as get member gives it, <c>objectId</c> in the roster.</summary>
    private static string? ObjectId(ChannelAccount member) => member.AadObjectId ?? Read(member.Extra, "objectId");

    private static bool Matches(ChannelAccount member, string upn) =>
        string.Equals(ObjectId(member), upn, StringComparison.OrdinalIgnoreCase)
        || string.Equals(Read(member.Extra, "userPrincipalName"), upn, StringComparison.OrdinalIgnoreCase)
        || string.Equals(Read(member.Extra, "email"), upn, StringComparison.OrdinalIgnoreCase);

    private static string? Read(Dictionary<string, JsonElement>? extra, string name) =>
        extra is not null && extra.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
