namespace PlanBot.Conversations.Ports;

/// <summary>
/// Prepares a store when the host starts: its file and schema, or its database and containers.
/// Each store registers itself as one; the host runs them all before it takes requests.
/// </summary>
public interface IStoreInitializer
{
    /// <summary>
    /// Safe to call again. Throws <see cref="StoreUnavailableException"/> when the store cannot be
    /// reached yet, and any other exception when it can never work as configured.
    /// </summary>
    Task InitializeAsync(CancellationToken cancellationToken);
}
