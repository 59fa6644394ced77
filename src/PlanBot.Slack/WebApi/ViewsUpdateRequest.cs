using PlanBot.Slack.Blocks;

namespace PlanBot.Slack.WebApi;

/// <summary><c>views.update</c>: <see cref="Hash"/> makes Slack refuse the update if the view changed meanwhile.</summary>
public sealed class ViewsUpdateRequest
{
    public required string ViewId { get; init; }

    public string? Hash { get; init; }

    public required ModalView View { get; init; }
}
