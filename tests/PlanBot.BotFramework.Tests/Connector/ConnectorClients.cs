using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PlanBot.BotFramework.Connector;
using PlanBot.BotFramework.Hosting;

namespace PlanBot.BotFramework.Tests.Connector;

/// <summary>
/// The Connector client as <c>AddBotFramework</c> composes it (retries, credentials, no app id),
/// sending through a test's handler and waiting on a test's clock.
/// </summary>
internal static class ConnectorClients
{
    public static ConnectorClient Create(HttpMessageHandler handler, TimeProvider time) =>
        Services(time, primary: handler).GetRequiredService<ConnectorClient>();

    /// <summary>The container <c>AddBotFramework</c> fills; with no <paramref name="primary"/>, the real primary handler is kept.</summary>
    public static ServiceProvider Services(TimeProvider time, HttpMessageHandler? primary = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["BotFramework:Connector:Pacing"] = "false",
                // The test's clock records every timer; an attempt timeout would be one more.
                ["BotFramework:Connector:AttemptTimeout"] = "00:00:00",
            })
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton(time).AddSingleton<IConfiguration>(configuration);
        services.AddBotFramework(configuration);
        if (primary is not null)
        {
            services.AddHttpClient<ConnectorClient>().ConfigurePrimaryHttpMessageHandler(() => primary);
        }

        return services.BuildServiceProvider();
    }
}
