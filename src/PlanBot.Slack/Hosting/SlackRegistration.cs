namespace PlanBot.Slack.Hosting;

/// <summary>Left in the container by <see cref="SlackServiceCollectionExtensions.AddSlack"/>: Slack is on, and whether over HTTP.</summary>
public sealed record SlackRegistration(bool HttpEndpoints, bool SocketMode);
