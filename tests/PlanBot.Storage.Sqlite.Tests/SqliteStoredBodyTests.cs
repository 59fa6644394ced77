using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Storage.Contract;

namespace PlanBot.Storage.Sqlite.Tests;

/// <summary>A row whose body is not a document (edited by hand, cut short) is reported by its id, not as a JSON error.</summary>
public sealed class SqliteStoredBodyTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    private string DatabasePath => folder.File("planbot.db");

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData("not json {")]
    [InlineData("{\"plan\": ")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("[1, 2]")]
    public async Task Every_read_of_a_plan_whose_body_is_not_a_document_throws_InvalidDataException_naming_the_plan(string body)
    {
        await using var store = await OpenAsync();
        var conversation = StoreSamples.NewConversation(StoreSamples.NewTenant());
        var broken = StoreSamples.NewPlan(conversation.TenantId, "Payments", "2.4.0");
        var sound = StoreSamples.NewPlan(conversation.TenantId, "Ledger", "1.0.0");
        await store.CommitAsync(
            new TurnCommit(new(StoreSamples.NewPointer(conversation, broken.Plan.Id), null), [new(broken, null), new(sound, null)]),
            CancellationToken.None);
        await Corrupt("plans", "id", broken.Plan.Id, body);
        var tenant = conversation.TenantId;

        var errors = new[]
        {
            await Assert.ThrowsAsync<InvalidDataException>(() => store.GetPlanAsync(tenant, broken.Plan.Id, CancellationToken.None)),
            await Assert.ThrowsAsync<InvalidDataException>(() => store.FindPlanAsync(tenant, "payments", "2.4.0", CancellationToken.None)),
            await Assert.ThrowsAsync<InvalidDataException>(() => store.ListPlansAsync(tenant, null, CancellationToken.None)),
            await Assert.ThrowsAsync<InvalidDataException>(() => store.LoadAsync(conversation, CancellationToken.None)),
        };

        Assert.All(errors, e => Assert.Contains($"plan {broken.Plan.Id}", e.Message, StringComparison.Ordinal));
        // The other rows stay readable.
        Assert.NotNull(await store.GetPlanAsync(tenant, sound.Plan.Id, CancellationToken.None));
        Assert.Single(await store.ListPlansAsync(tenant, "Ledger", CancellationToken.None));
    }

    [Theory]
    [InlineData("<conversation/>")]
    [InlineData("{}")]
    public async Task Loading_a_pointer_whose_body_is_not_a_document_throws_InvalidDataException_naming_the_conversation(string body)
    {
        await using var store = await OpenAsync();
        var conversation = StoreSamples.NewConversation(StoreSamples.NewTenant());
        await store.CommitAsync(new TurnCommit(new Versioned<ConversationDocument>(StoreSamples.NewPointer(conversation), null), []), CancellationToken.None);
        await Corrupt("conversations", "key", conversation.Key, body);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => store.LoadAsync(conversation, CancellationToken.None));

        Assert.Contains($"conversation {conversation.Key}", error.Message, StringComparison.Ordinal);
    }

    private async Task<SqliteConversationStore> OpenAsync()
    {
        var store = new SqliteConversationStore(new SqliteStoreOptions { Path = DatabasePath });
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    private async Task Corrupt(string table, string idColumn, string id, string body)
    {
        await using var connection = await RawSqlite.OpenAsync(DatabasePath);
        await connection.ExecuteAsync($"UPDATE {table} SET body = $body WHERE {idColumn} = $id", ("$body", body), ("$id", id));
    }
}
