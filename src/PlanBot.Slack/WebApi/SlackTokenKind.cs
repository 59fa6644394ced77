namespace PlanBot.Slack.WebApi;

/// <summary>Which token a Web API request carries: the bot's, or the app-level one (Socket Mode).</summary>
public enum SlackTokenKind
{
    Bot,
    App,
}
