using Microsoft.Extensions.Options;

namespace PlanBot.Slack.Turns;

/// <summary>
/// Which workspace or Grid organisation this deployment serves, and the tenant its plans live
/// under: <c>slack:&lt;EnterpriseId&gt;</c> when one is configured (a Grid organisation shares its
/// plans across workspaces), else <c>slack:&lt;team id&gt;</c>.
/// </summary>
public sealed class SlackTenancy(IOptions<SlackOptions> options)
{
    public const string Channel = "slack";

    public string TenantFor(string? teamId, string? enterpriseId)
    {
        var settings = options.Value;
        if (!string.IsNullOrWhiteSpace(settings.EnterpriseId))
        {
            return $"{Channel}:{settings.EnterpriseId}";
        }

        return $"{Channel}:{(string.IsNullOrWhiteSpace(teamId) ? settings.TeamId : teamId)}";
    }

    /// <summary>
    /// True when a user belongs to another organisation than the one served here (someone in a Slack
    /// Connect channel): in a Grid organisation, by the organisation <c>users.info</c> gives (unknown
    /// when the look-up failed); else by the user's own workspace, from <c>users.info</c> or the payload.
    /// </summary>
    public bool IsOutsider(WebApi.SlackUser? user, string? payloadTeamId)
    {
        var settings = options.Value;
        if (!string.IsNullOrWhiteSpace(settings.EnterpriseId))
        {
            return user is not null && !string.Equals(user.EnterpriseUser?.EnterpriseId, settings.EnterpriseId, StringComparison.Ordinal);
        }

        var team = user?.TeamId ?? payloadTeamId;
        return team is not null && !string.Equals(team, settings.TeamId, StringComparison.Ordinal);
    }

    /// <summary>Why a request from this app, team and organisation is refused; null when it is served here.</summary>
    public string? Refusal(string? apiAppId, string? teamId, string? enterpriseId)
    {
        var settings = options.Value;
        if (!string.IsNullOrWhiteSpace(settings.ApiAppId) && !string.Equals(apiAppId, settings.ApiAppId, StringComparison.Ordinal))
        {
            return "The request is for another Slack app.";
        }

        var teamMatches = !string.IsNullOrWhiteSpace(settings.TeamId) && string.Equals(teamId, settings.TeamId, StringComparison.Ordinal);
        var enterpriseMatches = !string.IsNullOrWhiteSpace(settings.EnterpriseId) && string.Equals(enterpriseId, settings.EnterpriseId, StringComparison.Ordinal);
        return teamMatches || enterpriseMatches ? null : "The request comes from a workspace this deployment does not serve.";
    }
}
