using PlanBot.Slack.Blocks;

namespace PlanBot.Slack.WebApi;

/// <summary><c>views.publish</c>: the Home tab one user sees; needs no trigger.</summary>
public sealed class ViewsPublishRequest
{
    public required string UserId { get; init; }

    public required HomeView View { get; init; }
}
