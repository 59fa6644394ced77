using System.Security.Claims;
using PlanBot.BotFramework.Teams;
using PlanBot.Domain.Answers;

namespace PlanBot.Host.Tab;

/// <summary>
/// Who is looking at the tab, from their validated token: the tenant every query is limited to
/// (qualified like the chat's, <c>msteams:&lt;tid&gt;</c>) and the person, by Entra object id and sign-in name.
/// </summary>
public sealed record TabUser(string TenantId, PersonRef Person)
{
    public const string TenantClaim = "tid";
    public const string ObjectIdClaim = "oid";
    public const string NameClaim = "name";
    public const string UsernameClaim = "preferred_username";

    /// <summary>Null when the token lacks the tenant or the object id: such a token names nobody.</summary>
    public static TabUser? From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var tenant = principal.FindFirstValue(TenantClaim);
        var objectId = principal.FindFirstValue(ObjectIdClaim);
        if (string.IsNullOrWhiteSpace(tenant) || string.IsNullOrWhiteSpace(objectId))
        {
            return null;
        }

        var username = principal.FindFirstValue(UsernameClaim);
        var name = principal.FindFirstValue(NameClaim) ?? username ?? string.Empty;
        return new TabUser($"{TeamsChannel.Id}:{tenant}", new PersonRef(string.Empty, name, objectId, username));
    }
}
