using PlanBot.Slack.Blocks;

namespace PlanBot.Slack.WebApi;

/// <summary><c>views.open</c>: needs a <c>trigger_id</c> younger than 3 seconds, used once.</summary>
public sealed class ViewsOpenRequest
{
    public required string TriggerId { get; init; }

    public required ModalView View { get; init; }
}
