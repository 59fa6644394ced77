using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Turns;
using PlanBot.Domain.Plans;

namespace PlanBot.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. A turn is one read (the pointer joined with its
/// active plan) and one transaction that updates every touched row only if its version is still the
/// one read. Writes of this process go through one connection in turn, so they never wait on each
/// other inside SQLite; other processes on the same file are held off by the busy timeout.
/// </summary>
/// <remarks>
/// The parts: <see cref="SqliteConnections"/> (connections and the write gate), <see cref="Schema"/>
/// (tables and migrations), <see cref="StoreQueries"/> and <see cref="ConditionalWrites"/> (the SQL),
/// <see cref="ListedPlans"/> (the cache behind plan lists) and <see cref="StoredRows"/> (column formats).
/// </remarks>
public sealed partial class SqliteConversationStore : IConversationStore, IStoreInitializer, IAsyncDisposable
{
    private readonly SqliteConnections connections;

    /// <summary>Plans parsed for <see cref="ListPlansAsync"/>.</summary>
    private readonly ListedPlans listedPlans = new();

    public SqliteConversationStore(SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path);
        ArgumentOutOfRangeException.ThrowIfNegative(options.BusyTimeoutMilliseconds);
        DatabasePath = Path.GetFullPath(options.Path);
        connections = new SqliteConnections(DatabasePath, options.BusyTimeoutMilliseconds);
    }

    public string DatabasePath { get; }

    /// <summary>
    /// Creates the database's folder, the file and the schema; safe to call again. Throws
    /// <see cref="StoreUnavailableException"/> when the file cannot be opened or created there.
    /// </summary>
    public Task InitializeAsync(CancellationToken cancellationToken) => connections.InitializeAsync(cancellationToken);

    public Task<ConversationSnapshot> LoadAsync(ConversationRef conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return connections.ReadAsync(connection => StoreQueries.LoadAsync(connection, conversation.Key, cancellationToken), cancellationToken);
    }

    public Task<Versioned<PlanDocument>?> FindPlanAsync(string tenantId, string product, string version, CancellationToken cancellationToken) =>
        connections.ReadAsync(connection => StoreQueries.FindPlanAsync(connection, tenantId, product, version, cancellationToken), cancellationToken);

    public Task<Versioned<PlanDocument>?> GetPlanAsync(string tenantId, string planId, CancellationToken cancellationToken) =>
        connections.ReadAsync(connection => StoreQueries.GetPlanAsync(connection, tenantId, planId, cancellationToken), cancellationToken);

    /// <summary>
    /// The tenant's plans, newest first. Plans are immutable and a row's version changes with every
    /// write, so a plan already read at the version listed is taken from memory: a list reads the ids
    /// and versions, and reads and parses only the bodies that changed since.
    /// </summary>
    public Task<IReadOnlyList<Plan>> ListPlansAsync(string tenantId, string? product, CancellationToken cancellationToken) =>
        connections.ReadAsync(connection => StoreQueries.ListPlansAsync(connection, tenantId, product, listedPlans, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<Plan>> ListPlansPageAsync(string tenantId, int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        return connections.ReadAsync(connection => StoreQueries.ListPlansAsync(connection, tenantId, null, listedPlans, cancellationToken, skip, take), cancellationToken);
    }

    /// <summary>Whole plans, from the same cache as <see cref="ListPlansAsync"/>: only changed plans are parsed.</summary>
    public Task<IReadOnlyList<Plan>> ListFeatureSetsAsync(string tenantId, CancellationToken cancellationToken) =>
        ListPlansAsync(tenantId, null, cancellationToken);

    public Task<IReadOnlyList<DueReminder>> ListDueRemindersAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) =>
        connections.ReadAsync(connection => StoreQueries.DueRemindersAsync(connection, now, max, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<DueGate>> ListDueGatesAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) =>
        connections.ReadAsync(connection => StoreQueries.DueGatesAsync(connection, now, max, cancellationToken), cancellationToken);

    public Task CommitAsync(TurnCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        return connections.WriteTransactionAsync(async connection =>
        {
            foreach (var plan in commit.Plans)
            {
                await ConditionalWrites.PlanAsync(connection, plan, cancellationToken);
            }

            if (commit.Conversation is { } conversation)
            {
                await ConditionalWrites.ConversationAsync(connection, conversation, cancellationToken);
            }
        }, cancellationToken);
    }

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await connections.ReadAsync(connection => StoreQueries.HasSchemaAsync(connection, cancellationToken), cancellationToken);
        }
        catch (StoreUnavailableException)
        {
            return false;
        }
    }

    public ValueTask DisposeAsync() => connections.DisposeAsync();
}
