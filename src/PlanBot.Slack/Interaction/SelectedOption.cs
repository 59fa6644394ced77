namespace PlanBot.Slack.Interaction;

public sealed class SelectedOption
{
    public string? Value { get; set; }
}
