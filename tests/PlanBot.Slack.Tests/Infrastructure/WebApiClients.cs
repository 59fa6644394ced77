using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PlanBot.Slack.Hosting;
using PlanBot.Slack.WebApi;
using PlanBot.Testing.Slack;

namespace PlanBot.Slack.Tests.Infrastructure;

/// <summary>The Web API client as <c>AddSlack</c> composes it (token handler, retries), pointed at a fake Slack.</summary>
internal static class WebApiClients
{
    public static SlackWebApiClient Create(FakeSlack slack, TimeProvider time, IDictionary<string, string?>? settings = null) =>
        Services(slack, time, settings).GetRequiredService<SlackWebApiClient>();

    public static ServiceProvider Services(FakeSlack slack, TimeProvider time, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Slack:Enabled"] = "true",
            ["Slack:SigningSecret"] = SlackTestHost.SigningSecret,
            ["Slack:BotToken"] = SlackTestHost.BotToken,
            ["Slack:AppToken"] = SlackTestHost.AppToken,
            ["Slack:TeamId"] = SlackPayloads.TeamId,
            ["Slack:ApiBaseUrl"] = slack.ApiBase.ToString(),
            ["Slack:PostInterval"] = "00:00:00",
            // RecordingTimeProvider ends every timer at once: an attempt timeout would end every call.
            ["Slack:AttemptTimeout"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton(time).AddSingleton<IConfiguration>(configuration);
        services.AddSlack(configuration);
        return services.BuildServiceProvider();
    }
}
