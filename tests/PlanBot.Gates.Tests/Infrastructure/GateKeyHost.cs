namespace PlanBot.Gates.Tests.Infrastructure;

/// <summary>A gates host where Alex, a release admin, has made a gate key: what the pipelines' tests start from.</summary>
public abstract class GateKeyHost : IAsyncLifetime, IDisposable
{
    protected GatesHost Host { get; } = new();

    protected HttpClient Http { get; private set; } = null!;

    /// <summary>The live gate key, as the personal chat showed it.</summary>
    protected string Key { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Http = Host.CreateClient();
        await Host.MakeAlexAdminAsync();
        Key = await Host.MakeGateKeyAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        Http.Dispose();
        Host.Dispose();
        GC.SuppressFinalize(this);
    }
}
