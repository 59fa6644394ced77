namespace PlanBot.Slack.WebApi;

/// <summary><c>views.open</c> / <c>views.update</c>: the view's id and its hash for race-free updates.</summary>
public sealed class ViewResponse : SlackResponse
{
    public OpenedView? View { get; set; }
}
