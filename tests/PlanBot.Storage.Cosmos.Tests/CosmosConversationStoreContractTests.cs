using PlanBot.Conversations.Ports;
using PlanBot.Storage.Contract;
using PlanBot.Storage.Cosmos.Tests.Infrastructure;

namespace PlanBot.Storage.Cosmos.Tests;

/// <summary>
/// The store contract, unchanged, against the local Cosmos DB server. Each test gets a database of
/// its own; a reopened store has a client and a pointer cache of its own, as a restarted host would.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class CosmosConversationStoreContractTests(CosmosFixture cosmos) : ConversationStoreContract
{
    private readonly string database = CosmosFixture.NewDatabase();

    /// <summary>No transaction spans the plans and the pointer: plans are written first, the pointer last.</summary>
    protected override bool SupportsMultiDocumentAtomicity => false;

    protected override async Task<IConversationStore> CreateStoreAsync() => (await cosmos.OpenAsync(database)).Store;

    protected override async Task<IConversationStore> ReopenStoreAsync() => (await cosmos.OpenAsync(database)).Store;
}
