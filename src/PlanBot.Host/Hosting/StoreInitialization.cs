using PlanBot.Conversations.Ports;

namespace PlanBot.Host.Hosting;

/// <summary>
/// Prepares the stores before the host takes requests (hosted services start before the server,
/// and this one is registered before the background services that read the store). A store that
/// cannot be reached yet does not stop the host: turns say "not saved, send it again" and /readyz
/// reports it until the store is back. A store that can never work as configured does stop it.
/// </summary>
internal sealed class StoreInitialization(IEnumerable<IStoreInitializer> stores, ILogger<StoreInitialization> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var store in stores)
        {
            try
            {
                await store.InitializeAsync(cancellationToken);
            }
            catch (StoreUnavailableException unavailable)
            {
                logger.LogWarning(unavailable, "The store is not reachable at start-up; the host runs and reports it on /readyz");
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
