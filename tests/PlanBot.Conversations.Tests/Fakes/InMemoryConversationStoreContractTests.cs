using PlanBot.Conversations.Ports;
using PlanBot.Storage.Contract;

namespace PlanBot.Conversations.Tests.Fakes;

/// <summary>
/// The store contract, unchanged, against the fake store the scripts run on: a promise the fake does
/// not keep is one the engine could come to rely on without any real store keeping it either.
/// </summary>
public sealed class InMemoryConversationStoreContractTests : ConversationStoreContract
{
    private readonly InMemoryConversationStore store = new();

    /// <summary>A commit is checked whole under one lock before any document is written.</summary>
    protected override bool SupportsMultiDocumentAtomicity => true;

    protected override Task<IConversationStore> CreateStoreAsync() => Task.FromResult<IConversationStore>(store);

    protected override Task<IConversationStore> ReopenStoreAsync() => Task.FromResult<IConversationStore>(store.Reopen());
}
