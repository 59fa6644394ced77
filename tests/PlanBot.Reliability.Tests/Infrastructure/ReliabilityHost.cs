using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PlanBot.BotFramework.Connector;
using PlanBot.Conversations.Ports;
using PlanBot.Domain.Plans;

namespace PlanBot.Reliability.Tests.Infrastructure;

/// <summary>
/// The real PlanBot host (its Program, a SQLite file, the whole pipeline) with the Bot Connector
/// replaced by a <see cref="FaultyConnector"/> and every log line kept in a <see cref="LogSink"/>.
/// Two hosts over the same database behave like a restarted host.
/// </summary>
public sealed class ReliabilityHost(
    string databasePath,
    FaultyConnector connector,
    IDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null,
    TimeSpan? connectorTimeout = null) : WebApplicationFactory<Program>
{
    public string DatabasePath { get; } = databasePath;

    public FaultyConnector Connector { get; } = connector;

    public LogSink Logs { get; } = new();

    public IConversationStore Store => Services.GetRequiredService<IConversationStore>();

    public TeamsClient NewClient() => new(this);

    public async Task<Plan?> PlanAsync(TeamsConversation conversation, string product = "Contoso.Web", string version = "2.4") =>
        (await Store.FindPlanAsync(conversation.StoreTenant, product, version, CancellationToken.None))?.Document.Plan;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:Sqlite:Path", DatabasePath);
        builder.UseSetting("BotFramework:Connector:BaseDelay", "00:00:00.010");
        // Teams' per-conversation rate limits only slow these tests down; a test that wants them sets it back.
        builder.UseSetting("BotFramework:Connector:Pacing", "false");
        // The scenarios send far faster than people do; the flood tests set the limits they measure.
        builder.UseSetting("RateLimits:Enabled", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(Logs);
            logging.AddFilter<LogSink>(null, LogLevel.Trace);
        });

        if (connectorTimeout is { } timeout)
        {
            builder.UseSetting("BotFramework:Connector:AttemptTimeout", timeout.ToString());
        }

        builder.ConfigureTestServices(s =>
        {
            s.AddHttpClient<ConnectorClient>().ConfigurePrimaryHttpMessageHandler(() => Connector).SetHandlerLifetime(Timeout.InfiniteTimeSpan);
            services?.Invoke(s);
        });
    }
}
