namespace PlanBot.Slack.WebApi;

public sealed class OpenedView
{
    public string? Id { get; set; }

    public string? Hash { get; set; }
}
