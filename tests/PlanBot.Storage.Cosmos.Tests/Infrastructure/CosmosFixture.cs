using System.Text;
using Microsoft.Azure.Cosmos;

namespace PlanBot.Storage.Cosmos.Tests.Infrastructure;

/// <summary>
/// A local Cosmos DB server for the tests: the one named by <c>PLANBOT_COSMOS_ENDPOINT</c> when the
/// test script started one, else a server of this run's own. Each test class works in databases of
/// its own, so nothing is shared but the process.
/// </summary>
public sealed class CosmosFixture : IAsyncLifetime
{
    public const string EndpointVariable = "PLANBOT_COSMOS_ENDPOINT";

    /// <summary>The local server accepts any key that is base64; this one opens nothing else.</summary>
    public static readonly string LocalKey = Convert.ToBase64String(Encoding.UTF8.GetBytes("planbot-local-cosmos-server-key"));

    private readonly List<IDisposable> opened = [];
    private CosmosServer? server;

    public Uri Endpoint { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var given = Environment.GetEnvironmentVariable(EndpointVariable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            Endpoint = new Uri(given);
            return;
        }

        server = await CosmosServer.StartAsync();
        Endpoint = server.Endpoint;
    }

    public async Task DisposeAsync()
    {
        lock (opened)
        {
            foreach (var item in opened)
            {
                item.Dispose();
            }

            opened.Clear();
        }

        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    public static string NewDatabase() => $"test-{Guid.NewGuid():N}";

    public static CosmosStoreOptions Options(Uri endpoint, string database, Action<CosmosStoreOptions>? change = null)
    {
        var options = new CosmosStoreOptions
        {
            Endpoint = endpoint.ToString(),
            Key = LocalKey,
            Database = database,
            CreateIfMissing = true,
            ConnectionMode = ConnectionMode.Gateway,
            LimitToEndpoint = true,
            AcceptAnyServerCertificate = true,
        };
        change?.Invoke(options);
        return options;
    }

    /// <summary>A store ready for use over <paramref name="database"/>, with its own client, as one host would have.</summary>
    public async Task<TestStore> OpenAsync(string database, Action<CosmosStoreOptions>? change = null, TimeProvider? time = null, Uri? endpoint = null, bool initialize = true)
    {
        var options = Options(endpoint ?? Endpoint, database, change);
        CountingHandler? wire = null;
        var client = CosmosClientFactory.Create(options, inner => wire = new CountingHandler(inner));
        Track(client);
        var store = new CosmosConversationStore(client, options, time);
        if (initialize)
        {
            await store.InitializeAsync(CancellationToken.None);
        }

        return new TestStore(store, client, options, () => wire!);
    }

    public void Track(IDisposable disposable)
    {
        lock (opened)
        {
            opened.Add(disposable);
        }
    }
}

/// <summary>A store and what a test may look at beside it: its client, options and HTTP request count.</summary>
public sealed record TestStore(CosmosConversationStore Store, CosmosClient Client, CosmosStoreOptions Options, Func<CountingHandler> WireAccessor)
{
    public CountingHandler Wire => WireAccessor();

    public Container Plans => Client.GetContainer(Options.Database, CosmosContainers.Plans);

    public Container Conversations => Client.GetContainer(Options.Database, CosmosContainers.Conversations);

    public Container Tenants => Client.GetContainer(Options.Database, CosmosContainers.Tenants);
}

[CollectionDefinition(Name)]
public sealed class CosmosCollection : ICollectionFixture<CosmosFixture>
{
    public const string Name = "Local Cosmos DB server";
}
