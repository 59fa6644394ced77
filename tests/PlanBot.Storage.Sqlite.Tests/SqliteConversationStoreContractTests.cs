using PlanBot.Conversations.Ports;
using PlanBot.Storage.Contract;

namespace PlanBot.Storage.Sqlite.Tests;

/// <summary>The store contract over a real database file, shared by the tests of this class.</summary>
public sealed class SqliteConversationStoreContractTests(TemporaryFolder folder)
    : ConversationStoreContract, IClassFixture<TemporaryFolder>, IAsyncLifetime
{
    private readonly List<SqliteConversationStore> opened = [];

    /// <summary>One transaction per commit.</summary>
    protected override bool SupportsMultiDocumentAtomicity => true;

    protected override Task<IConversationStore> CreateStoreAsync() => OpenAsync();

    protected override Task<IConversationStore> ReopenStoreAsync() => OpenAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in opened)
        {
            await store.DisposeAsync();
        }
    }

    private async Task<IConversationStore> OpenAsync()
    {
        var store = new SqliteConversationStore(new SqliteStoreOptions { Path = folder.File("contract.db") });
        opened.Add(store);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }
}
