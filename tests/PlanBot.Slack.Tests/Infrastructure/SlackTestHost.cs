using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PlanBot.Conversations.Delivery;
using PlanBot.Conversations.Engine;
using PlanBot.Conversations.Ports;
using PlanBot.Slack.Hosting;
using PlanBot.Slack.Inbound;
using PlanBot.Slack.People;
using PlanBot.Storage.Sqlite;
using PlanBot.Testing.Slack;

namespace PlanBot.Slack.Tests.Infrastructure;

/// <summary>
/// A real host on 127.0.0.1 with the conversation core registered as the PlanBot host does it, a
/// SQLite store on a temp file, and the Slack adapter pointed at a <see cref="FakeSlack"/>.
/// </summary>
public sealed class SlackTestHost : IAsyncDisposable
{
    public const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    public const string BotToken = "xoxb-test-bot-token";
    public const string AppToken = "xapp-test-app-token";

    private SlackTestHost(WebApplication app, Uri address)
    {
        App = app;
        Address = address;
    }

    public WebApplication App { get; }

    public Uri Address { get; }

    public IServiceProvider Services => App.Services;

    public SlackWorkQueue Queue => Services.GetRequiredService<SlackWorkQueue>();

    public static Dictionary<string, string?> Settings(FakeSlack slack, string databasePath) => new()
    {
        ["Slack:Enabled"] = "true",
        ["Slack:SigningSecret"] = SigningSecret,
        ["Slack:BotToken"] = BotToken,
        ["Slack:TeamId"] = SlackPayloads.TeamId,
        ["Slack:ApiAppId"] = SlackPayloads.AppId,
        ["Slack:ApiBaseUrl"] = slack.ApiBase.ToString(),
        ["Slack:PostInterval"] = "00:00:00",
        // A loaded test machine may take longer than Slack's 3 seconds; the tests of a late answer set it lower.
        ["Slack:ModalWait"] = "00:00:30",
        ["Storage:Sqlite:Path"] = databasePath,
        ["Engine:DefaultTimeZone"] = "UTC",
    };

    public static async Task<SlackTestHost> StartAsync(IDictionary<string, string?> settings, TimeProvider? time = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        AddCore(builder.Services, builder.Configuration, time ?? TimeProvider.System);
        builder.Services.AddSlack(builder.Configuration);
        var app = builder.Build();
        await app.Services.GetRequiredService<SqliteConversationStore>().InitializeAsync(CancellationToken.None);
        app.MapSlack();
        await app.StartAsync();
        return new SlackTestHost(app, new Uri(app.Urls.Single().TrimEnd('/') + "/"));
    }

    public Task WhenIdleAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return Queue.WhenIdleAsync(deadline.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }

    /// <summary>The host's own registrations (PlanBot.Host ServiceRegistration), minus the Bot Framework.</summary>
    private static void AddCore(IServiceCollection services, IConfiguration configuration, TimeProvider time)
    {
        services.AddSingleton(time);
        services.AddSingleton(new EngineOptions { DefaultTimeZone = configuration["Engine:DefaultTimeZone"] ?? "UTC" });
        services.AddSingleton(new SqliteStoreOptions { Path = configuration["Storage:Sqlite:Path"]! });
        services.AddSingleton<SqliteConversationStore>();
        // Every storage port the store implements (conversations, and tenants where it has them).
        foreach (var port in typeof(SqliteConversationStore).GetInterfaces().Where(i => i.Namespace == "PlanBot.Conversations.Ports"))
        {
            services.AddSingleton(port, sp => sp.GetRequiredService<SqliteConversationStore>());
        }

        services.AddSingleton<DeliveryLedger>();
        // The host routes Slack conversations' look-ups to the Slack directory; here every conversation is Slack's.
        services.AddSingleton<IPeopleDirectory>(sp => sp.GetRequiredService<SlackPeopleDirectory>());
        services.AddSingleton<PlanEngine>();
        services.AddSingleton<TurnProcessor>();
        services.AddSingleton<OutboxSweeper>();
        services.AddSingleton<PostRegistry>();
    }
}
