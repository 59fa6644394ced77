using System.Net;
using PlanBot.Host.Tests.Infrastructure;
using PlanBot.Testing;
using PlanBot.Testing.Teams;

namespace PlanBot.Host.Tests;

/// <summary>/healthz says the process lives; /readyz says whether the store answers.</summary>
public sealed class HealthTests : IDisposable
{
    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task With_the_store_unreachable_the_host_runs_alive_but_not_ready_and_says_so_to_users()
    {
        // A directory where the database file should be: SQLite cannot open it.
        var blocked = Path.Combine(database.Folder, "blocked.db");
        Directory.CreateDirectory(blocked);
        var connector = new RecordingConnector();
        using var factory = new PlanBotFactory(blocked, connector);
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        using var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("store unreachable", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var reply = Assert.Single(await new BotClient(factory, new Activities()).SayAsync("plan Contoso.Web 2.4"));
        Assert.Contains("Nothing of your last message was saved", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_store_comes_back_the_host_is_ready_and_works_again()
    {
        var path = Path.Combine(database.Folder, "later.db");
        Directory.CreateDirectory(path);
        var connector = new RecordingConnector();
        using var factory = new PlanBotFactory(path, connector);
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/readyz")).StatusCode);

        Directory.Delete(path);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
        var reply = Assert.Single(await new BotClient(factory, new Activities()).SayAsync("plan Contoso.Web 2.4"));
        Assert.Contains("What features must be deployed?", reply, StringComparison.Ordinal);
    }
}
