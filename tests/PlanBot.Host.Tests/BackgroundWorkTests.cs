using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using PlanBot.Conversations.Delivery;
using PlanBot.Conversations.Ports;
using PlanBot.Host.Tests.Infrastructure;
using PlanBot.Storage.Sqlite;
using PlanBot.Testing;
using PlanBot.Testing.Teams;

namespace PlanBot.Host.Tests;

/// <summary>The outbox sweep, the reminder scan and the gate sender outlive a round that throws: logged, and the next round does the work.</summary>
public sealed class BackgroundWorkTests : IDisposable
{
    private readonly TempDatabase database = new();
    private readonly RecordingConnector connector = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task The_outbox_sweep_goes_on_after_a_round_that_threw_and_records_the_sent_reply()
    {
        using var factory = new PlanBotFactory(database.Path, connector, services: Surprising);
        var bot = new BotClient(factory, new Activities());
        await bot.SayAsync("plan Contoso.Web 2.4");
        var store = Store(factory);
        var ledger = factory.Services.GetRequiredService<DeliveryLedger>();
        Assert.NotEqual(0, ledger.PendingCount);

        store.ThrowOnce(nameof(IConversationStore.GetPlanAsync), nameof(IConversationStore.LoadAsync));

        await Eventually.TrueAsync(() => store.Thrown == 1, "the sweep to meet the surprise");
        await Eventually.TrueAsync(() => ledger.PendingCount == 0, "a later sweep to record the sent reply");
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.NotEmpty(await bot.SayAsync("status"));
    }

    [Fact]
    public async Task The_reminder_scan_goes_on_after_a_round_that_threw_and_sends_the_reminder()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var settings = new Dictionary<string, string?> { ["Engine:ReminderDelay"] = "00:01:00", ["Engine:ReminderScanInterval"] = "00:01:00" };
        using var factory = new PlanBotFactory(database.Path, connector, settings, services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            Surprising(services);
        });
        var bot = new BotClient(factory, new Activities());
        await bot.SayAsync("plan Contoso.Web 2.5");
        var assign = bot.Activities.Message("assign 6 <at>Megan Bowen</at>");
        assign["entities"]!.AsArray().Add(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>Megan Bowen</at>",
            ["mentioned"] = new JsonObject { ["id"] = "29:megan", ["name"] = "Megan Bowen" },
        });
        await bot.PostAsync(assign);
        var store = Store(factory);
        connector.Clear();

        store.ThrowOnce(nameof(IConversationStore.ListDueRemindersAsync));
        // One interval at a time: a longer step would run two rounds back to back.
        clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually.TrueAsync(() => store.Thrown == 1, "the scan to meet the surprise");
        Assert.Empty(connector.Calls);

        clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually.TrueAsync(() => connector.Texts.Any(t => t.Contains("Reminder:", StringComparison.Ordinal)), "the next scan to send the reminder");
    }

    [Fact]
    public async Task The_gate_sender_goes_on_after_a_round_that_threw_and_the_host_stays_up()
    {
        var settings = new Dictionary<string, string?> { ["Gates:ScanInterval"] = "00:00:00.100" };
        using var factory = new PlanBotFactory(database.Path, connector, settings, Surprising);
        var bot = new BotClient(factory, new Activities());
        await bot.SayAsync("plan Contoso.Web 2.4");
        var store = Store(factory);

        store.ThrowOnce(nameof(IConversationStore.ListDueGatesAsync));
        await Eventually.TrueAsync(() => store.Thrown == 1, "the gate sender to meet the surprise");
        store.ThrowOnce(nameof(IConversationStore.ListDueGatesAsync));

        await Eventually.TrueAsync(() => store.Thrown == 2, "a later round of the gate sender to run");
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.NotEmpty(await bot.SayAsync("status"));
    }

    /// <summary>Puts a <see cref="SurprisingStore"/> around the SQLite store the host registered.</summary>
    private static void Surprising(IServiceCollection services)
    {
        services.RemoveAll<IConversationStore>();
        services.AddSingleton<IConversationStore>(sp => new SurprisingStore(sp.GetRequiredService<SqliteConversationStore>()));
    }

    private static SurprisingStore Store(PlanBotFactory factory) => (SurprisingStore)factory.Services.GetRequiredService<IConversationStore>();
}
