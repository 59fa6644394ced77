using PlanBot.Slack.Tests.Infrastructure;
using PlanBot.Testing;
using PlanBot.Testing.Slack;

namespace PlanBot.Slack.Tests.Hosting;

/// <summary>A fake Slack, a temp database and a host per test; tests change settings before <see cref="StartAsync"/>.</summary>
public abstract class HostTestBase : IAsyncLifetime, IDisposable
{
    private readonly TempDatabase database = new();

    protected FakeSlack Slack { get; private set; } = null!;

    protected SlackTestHost Host { get; private set; } = null!;

    protected SlackSession Session { get; private set; } = null!;

    protected string DatabasePath => database.Path;

    public virtual async Task InitializeAsync()
    {
        Slack = await FakeSlack.StartAsync();
        Slack.AddUser(SlackPayloads.Owner, "Alex Wilber", "Europe/London");
        Slack.AddUser(SlackPayloads.Approver, "Megan Bowen", "Europe/Paris");
        Slack.AddUser(SlackPayloads.Developer, "Diego Siciliani", "America/New_York");
    }

    protected async Task StartAsync(Action<IDictionary<string, string?>>? configure = null, TimeProvider? time = null)
    {
        var settings = SlackTestHost.Settings(Slack, DatabasePath);
        configure?.Invoke(settings);
        Host = await SlackTestHost.StartAsync(settings, time);
        Session = new SlackSession(Host, Slack);
    }

    public virtual async Task DisposeAsync()
    {
        Session?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        await Slack.DisposeAsync();
    }

    public void Dispose()
    {
        database.Dispose();
        GC.SuppressFinalize(this);
    }
}
