namespace PlanBot.Slack.WebApi;

public sealed class ResponseMetadata
{
    public List<string>? Messages { get; set; }

    public List<string>? Warnings { get; set; }

    public string? NextCursor { get; set; }
}
