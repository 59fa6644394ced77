using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Storage.Contract;

namespace PlanBot.Storage.Sqlite.Tests;

/// <summary>Opening the file: its folder, its schema, its journal mode, and places it cannot be.</summary>
public sealed class SqliteStoreSetupTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    [Fact]
    public async Task InitializeAsync_puts_the_database_in_WAL_mode()
    {
        var path = folder.File("planbot.db");
        await using var store = new SqliteConversationStore(new SqliteStoreOptions { Path = path });

        await store.InitializeAsync(CancellationToken.None);

        // A new connection reads the mode stored in the file, not one set on the store's connections.
        Assert.Equal("wal", await RawSqlite.ScalarAsync(path, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task InitializeAsync_creates_the_folder_of_the_database_file()
    {
        var path = folder.File("data", "nested", "planbot.db");
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
        await using var store = new SqliteConversationStore(new SqliteStoreOptions { Path = path });

        await store.InitializeAsync(CancellationToken.None);

        Assert.True(File.Exists(path));
        Assert.Equal(Path.GetFullPath(path), store.DatabasePath);
        Assert.True(await store.IsReachableAsync(CancellationToken.None));
    }

    [Fact]
    public async Task InitializeAsync_adds_the_reminder_and_gate_columns_to_a_database_made_before_them_and_keeps_its_plans()
    {
        var path = folder.File("earlier.db");
        var plan = StoreSamples.NewPlan(StoreSamples.NewTenant());
        await using (var earlier = await RawSqlite.OpenAsync(path))
        {
            // The plans table as the first release made it, with one plan in it.
            await earlier.ExecuteAsync("""
                CREATE TABLE plans (
                    id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, product_key TEXT NOT NULL, version_key TEXT NOT NULL,
                    state TEXT NOT NULL, created_at TEXT NOT NULL, version INTEGER NOT NULL, body TEXT NOT NULL,
                    UNIQUE (tenant_id, product_key, version_key));
                """);
            await earlier.ExecuteAsync(
                "INSERT INTO plans VALUES ($id, $tenant, 'p', '1.0.0', 'Draft', '2025-03-03T08:15:00.0000000Z', 1, $body)",
                ("$id", plan.Plan.Id),
                ("$tenant", plan.Plan.TenantId),
                ("$body", System.Text.Json.JsonSerializer.Serialize(plan, StateJsonContext.Default.PlanDocument)));
        }

        await using var store = new SqliteConversationStore(new SqliteStoreOptions { Path = path });
        await store.InitializeAsync(CancellationToken.None);

        Assert.Equal("1", await RawSqlite.ScalarAsync(path, "SELECT count(*) FROM pragma_table_info('plans') WHERE name = 'remind_at'"));
        Assert.Equal("1", await RawSqlite.ScalarAsync(path, "SELECT count(*) FROM sqlite_master WHERE name = 'plans_by_remind_at'"));
        Assert.Equal("1", await RawSqlite.ScalarAsync(path, "SELECT count(*) FROM pragma_table_info('plans') WHERE name = 'gate_at'"));
        Assert.Equal("1", await RawSqlite.ScalarAsync(path, "SELECT count(*) FROM sqlite_master WHERE name = 'plans_by_gate_at'"));
        var read = await store.GetPlanAsync(plan.Plan.TenantId, plan.Plan.Id, CancellationToken.None);
        Assert.NotNull(read);
        read.Document.RemindAt = StoreSamples.Now;
        read.Document.GateAt = StoreSamples.Now;
        await store.CommitAsync(new TurnCommit(null, [read]), CancellationToken.None);
        var due = Assert.Single(await store.ListDueRemindersAsync(StoreSamples.Now.AddMinutes(1), 10, CancellationToken.None));
        Assert.Equal(plan.Plan.Id, due.PlanId);
        Assert.Equal(plan.Plan.Id, Assert.Single(await store.ListDueGatesAsync(StoreSamples.Now.AddMinutes(1), 10, CancellationToken.None)).PlanId);
    }

    [Fact]
    public async Task InitializeAsync_again_keeps_the_schema_and_the_data()
    {
        var path = folder.File("planbot.db");
        await using var first = new SqliteConversationStore(new SqliteStoreOptions { Path = path });
        await first.InitializeAsync(CancellationToken.None);
        var plan = StoreSamples.NewPlan(StoreSamples.NewTenant());
        await first.CommitAsync(new TurnCommit(null, [new(plan, null)]), CancellationToken.None);
        var schema = await SchemaAsync(path);

        await first.InitializeAsync(CancellationToken.None);
        await using var second = new SqliteConversationStore(new SqliteStoreOptions { Path = path });
        await second.InitializeAsync(CancellationToken.None);

        Assert.Equal(schema, await SchemaAsync(path));
        Assert.Contains("CREATE TABLE plans", schema, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE conversations", schema, StringComparison.Ordinal);
        var read = await second.GetPlanAsync(plan.Plan.TenantId, plan.Plan.Id, CancellationToken.None);
        Assert.NotNull(read);

        // The first store's writer still works after being initialised twice.
        await first.CommitAsync(new TurnCommit(null, [new(read.Document.Answered("features", "Instant refunds"), read.ETag)]), CancellationToken.None);
        var after = await second.GetPlanAsync(plan.Plan.TenantId, plan.Plan.Id, CancellationToken.None);
        Assert.Equal("Instant refunds", after?.Document.Plan.AnswerTo("features")?.Value.Text);
    }

    [Fact]
    public async Task A_folder_where_the_file_should_be_makes_the_store_report_itself_unavailable()
    {
        var path = folder.File("planbot.db");
        Directory.CreateDirectory(path);

        await AssertUnavailableAsync(path);
    }

    [Fact]
    public async Task A_file_where_the_folder_should_be_makes_the_store_report_itself_unavailable()
    {
        var blocker = folder.File("data");
        await File.WriteAllTextAsync(blocker, "not a folder");

        await AssertUnavailableAsync(Path.Combine(blocker, "planbot.db"));
    }

    [Fact]
    public async Task A_read_only_location_makes_the_store_report_itself_unavailable()
    {
        // procfs takes no new files or folders, not even from root, which tests may well run as.
        await AssertUnavailableAsync($"/proc/planbot-{Guid.NewGuid():N}/planbot.db");
        await AssertUnavailableAsync($"/proc/planbot-{Guid.NewGuid():N}.db");
    }

    public void Dispose() => folder.Dispose();

    /// <summary>Every table and index as SQLite keeps it, in a stable order.</summary>
    private static async Task<string> SchemaAsync(string path) =>
        await RawSqlite.ScalarAsync(path, "SELECT group_concat(sql, ';' || char(10)) FROM (SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name)") ?? string.Empty;

    private static async Task AssertUnavailableAsync(string path)
    {
        await using var store = new SqliteConversationStore(new SqliteStoreOptions { Path = path });
        var conversation = StoreSamples.NewConversation(StoreSamples.NewTenant());
        var commit = new TurnCommit(new Versioned<ConversationDocument>(StoreSamples.NewPointer(conversation), null), []);

        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.InitializeAsync(CancellationToken.None));
        Assert.False(await store.IsReachableAsync(CancellationToken.None));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.LoadAsync(conversation, CancellationToken.None));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.CommitAsync(commit, CancellationToken.None));
    }
}
