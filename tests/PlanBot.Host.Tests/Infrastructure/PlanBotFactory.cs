using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PlanBot.BotFramework.Connector;
using PlanBot.Testing.Teams;

namespace PlanBot.Host.Tests.Infrastructure;

/// <summary>
/// The real host (real SQLite file, real pipeline) with the Bot Connector replaced by a recorder.
/// Two factories over the same <see cref="DatabasePath"/> behave like a restarted host.
/// </summary>
public sealed class PlanBotFactory(
    string databasePath,
    RecordingConnector connector,
    IDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null,
    string environment = "Development")
    : WebApplicationFactory<Program>
{
    public string DatabasePath { get; } = databasePath;

    public RecordingConnector Connector { get; } = connector;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Storage:Sqlite:Path", DatabasePath);
        builder.UseSetting("BotFramework:Connector:BaseDelay", "00:00:00.010");
        // Scripted users answer far faster than people do.
        builder.UseSetting("RateLimits:Enabled", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(collection =>
        {
            collection.AddHttpClient<ConnectorClient>().ConfigurePrimaryHttpMessageHandler(() => Connector);
            services?.Invoke(collection);
        });
    }
}
