using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Data.Sqlite;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Turns;
using PlanBot.Domain.Plans;
using SQLitePCL;

namespace PlanBot.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. A turn is one read (the pointer joined with its
/// active plan) and one transaction that updates every touched row only if its version is still the
/// one read. Writes of this process go through one connection in turn, so they never wait on each
/// other inside SQLite; other processes on the same file are held off by the busy timeout.
/// </summary>
public sealed partial class SqliteConversationStore : IConversationStore, IStoreInitializer, IAsyncDisposable
{
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

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
        return connections.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT c.version, c.body, p.id, p.version, p.body
                FROM conversations c LEFT JOIN plans p ON p.id = c.active_plan_id
                WHERE c.key = $key
                """;
            command.Parameters.AddWithValue("$key", conversation.Key);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return new ConversationSnapshot(null, null);
            }

            var pointer = new Versioned<ConversationDocument>(
                Deserialize(reader, 1, StateJsonContext.Default.ConversationDocument, $"conversation {conversation.Key}"),
                Tag(reader.GetInt64(0)));
            var plan = reader.IsDBNull(2)
                ? null
                : new Versioned<PlanDocument>(
                    Deserialize(reader, 4, StateJsonContext.Default.PlanDocument, $"plan {reader.GetString(2)}"),
                    Tag(reader.GetInt64(3)));
            return new ConversationSnapshot(pointer, plan);
        }, cancellationToken);
    }

    public Task<Versioned<PlanDocument>?> FindPlanAsync(string tenantId, string product, string version, CancellationToken cancellationToken)
    {
        return ReadPlanAsync(
            "SELECT id, version, body FROM plans WHERE tenant_id = $tenant AND product_key = $product AND version_key = $version",
            [("$tenant", tenantId), ("$product", Key(product)), ("$version", Key(version))],
            cancellationToken);
    }

    public Task<Versioned<PlanDocument>?> GetPlanAsync(string tenantId, string planId, CancellationToken cancellationToken)
    {
        return ReadPlanAsync(
            "SELECT id, version, body FROM plans WHERE tenant_id = $tenant AND id = $id",
            [("$tenant", tenantId), ("$id", planId)],
            cancellationToken);
    }

    /// <summary>
    /// The tenant's plans, newest first. Plans are immutable and a row's version changes with every
    /// write, so a plan already read at the version listed is taken from memory: a list reads the ids
    /// and versions, and reads and parses only the bodies that changed since. Both statements run in
    /// one read transaction, so the list is one snapshot, as a single query would be.
    /// </summary>
    public Task<IReadOnlyList<Plan>> ListPlansAsync(string tenantId, string? product, CancellationToken cancellationToken)
    {
        return connections.ReadAsync<IReadOnlyList<Plan>>(async connection =>
        {
            SqliteConnections.Execute(connection, "BEGIN");
            try
            {
                var rows = new List<(string Id, long Version)>();
                await using (var command = connection.CreateCommand())
                {
                    // A tenant's list comes from plans_by_tenant_created alone. A product's few plans are
                    // found through plans_by_tenant and sorted (+created_at keeps the planner from
                    // walking the whole tenant in date order instead).
                    command.CommandText = product is null
                        ? "SELECT id, version FROM plans WHERE tenant_id = $tenant ORDER BY created_at DESC"
                        : "SELECT id, version FROM plans WHERE tenant_id = $tenant AND product_key = $product ORDER BY +created_at DESC";
                    command.Parameters.AddWithValue("$tenant", tenantId);
                    if (product is not null)
                    {
                        command.Parameters.AddWithValue("$product", Key(product));
                    }

                    await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        rows.Add((reader.GetString(0), reader.GetInt64(1)));
                    }
                }

                var plans = new List<Plan>(rows.Count);
                SqliteCommand? body = null;
                try
                {
                    foreach (var (id, version) in rows)
                    {
                        if (listedPlans.TryGet(id, version, out var known))
                        {
                            plans.Add(known);
                            continue;
                        }

                        if (body is null)
                        {
                            body = connection.CreateCommand();
                            body.CommandText = "SELECT body FROM plans WHERE id = $id";
                            body.Parameters.Add("$id", SqliteType.Text);
                        }

                        body.Parameters[0].Value = id;
                        Plan plan;
                        await using (var reader = await body.ExecuteReaderAsync(cancellationToken))
                        {
                            await reader.ReadAsync(cancellationToken);
                            plan = Deserialize(reader, 0, StateJsonContext.Default.PlanDocument, $"plan {id}").Plan;
                        }

                        listedPlans.Remember(id, version, plan);
                        plans.Add(plan);
                    }
                }
                finally
                {
                    if (body is not null)
                    {
                        await body.DisposeAsync();
                    }
                }

                SqliteConnections.Execute(connection, "COMMIT");
                return plans;
            }
            catch
            {
                // Ends the read transaction; the connection is closed after a failure anyway.
                _ = raw.sqlite3_exec(connection.Handle, "ROLLBACK");
                throw;
            }
        }, cancellationToken);
    }

    /// <summary>Whole plans, from the same cache as <see cref="ListPlansAsync"/>: only changed plans are parsed.</summary>
    public Task<IReadOnlyList<Plan>> ListFeatureSetsAsync(string tenantId, CancellationToken cancellationToken) =>
        ListPlansAsync(tenantId, null, cancellationToken);

    public Task<IReadOnlyList<DueReminder>> ListDueRemindersAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) =>
        connections.ReadAsync<IReadOnlyList<DueReminder>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT tenant_id, id, remind_at FROM plans
                WHERE remind_at IS NOT NULL AND remind_at <= $now
                ORDER BY remind_at LIMIT $max
                """;
            command.Parameters.AddWithValue("$now", Instant(now));
            command.Parameters.AddWithValue("$max", max);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var due = new List<DueReminder>();
            while (await reader.ReadAsync(cancellationToken))
            {
                due.Add(new DueReminder(reader.GetString(0), reader.GetString(1), DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)));
            }

            return due;
        }, cancellationToken);

    public Task CommitAsync(TurnCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        return connections.WriteTransactionAsync(async connection =>
        {
            foreach (var plan in commit.Plans)
            {
                await WritePlanAsync(connection, plan, cancellationToken);
            }

            if (commit.Conversation is { } conversation)
            {
                await WriteConversationAsync(connection, conversation, cancellationToken);
            }
        }, cancellationToken);
    }

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await connections.ReadAsync(async connection =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'plans'";
                return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 1;
            }, cancellationToken);
        }
        catch (StoreUnavailableException)
        {
            return false;
        }
    }

    public ValueTask DisposeAsync() => connections.DisposeAsync();

    /// <summary>UTC in the round-trip format: fixed width, so instants compare correctly as text.</summary>
    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static async Task WritePlanAsync(SqliteConnection connection, Versioned<PlanDocument> stored, CancellationToken cancellationToken)
    {
        var plan = stored.Document.Plan;
        var what = $"plan {plan.Id}";
        await using var command = connection.CreateCommand();
        command.CommandText = stored.ETag is null
            ? """
              INSERT INTO plans (id, tenant_id, product_key, version_key, state, created_at, remind_at, version, body)
              VALUES ($id, $tenant, $product, $version, $state, $created, $remind, 1, $body)
              """
            : """
              UPDATE plans SET state = $state, remind_at = $remind, version = version + 1, body = $body
              WHERE id = $id AND tenant_id = $tenant AND version = $expected
              """;
        command.Parameters.AddWithValue("$id", plan.Id);
        command.Parameters.AddWithValue("$tenant", plan.TenantId);
        command.Parameters.AddWithValue("$state", plan.State.ToString());
        command.Parameters.AddWithValue("$remind", stored.Document.RemindAt is { } remind ? Instant(remind) : DBNull.Value);
        command.Parameters.AddWithValue("$body", JsonSerializer.Serialize(stored.Document, StateJsonContext.Default.PlanDocument));
        if (stored.ETag is null)
        {
            command.Parameters.AddWithValue("$product", Key(plan.Product));
            command.Parameters.AddWithValue("$version", Key(plan.Version));
            command.Parameters.AddWithValue("$created", Instant(plan.CreatedAt));
        }
        else
        {
            command.Parameters.AddWithValue("$expected", ExpectedVersion(stored.ETag, what));
        }

        await ExecuteConditionalAsync(command, what, cancellationToken);
    }

    private static async Task WriteConversationAsync(SqliteConnection connection, Versioned<ConversationDocument> stored, CancellationToken cancellationToken)
    {
        var document = stored.Document;
        var what = $"conversation {document.Key}";
        await using var command = connection.CreateCommand();
        command.CommandText = stored.ETag is null
            ? "INSERT INTO conversations (key, tenant_id, active_plan_id, version, body) VALUES ($key, $tenant, $plan, 1, $body)"
            : """
              UPDATE conversations SET active_plan_id = $plan, version = version + 1, body = $body
              WHERE key = $key AND tenant_id = $tenant AND version = $expected
              """;
        command.Parameters.AddWithValue("$key", document.Key);
        command.Parameters.AddWithValue("$tenant", document.TenantId);
        command.Parameters.AddWithValue("$plan", (object?)document.ActivePlanId ?? DBNull.Value);
        command.Parameters.AddWithValue("$body", JsonSerializer.Serialize(document, StateJsonContext.Default.ConversationDocument));
        if (stored.ETag is not null)
        {
            command.Parameters.AddWithValue("$expected", ExpectedVersion(stored.ETag, what));
        }

        await ExecuteConditionalAsync(command, what, cancellationToken);
    }

    private static async Task ExecuteConditionalAsync(SqliteCommand command, string what, CancellationToken cancellationToken)
    {
        int rows;
        try
        {
            rows = await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException e) when (e.SqliteExtendedErrorCode is SqliteConstraintPrimaryKey or SqliteConstraintUnique)
        {
            throw new ConcurrencyException($"The {what} was created by someone else meanwhile.", e);
        }

        if (rows != 1)
        {
            throw new ConcurrencyException($"The {what} changed since it was read.");
        }
    }

    /// <summary>An ETag this store did not issue matches no version, like a stale one.</summary>
    private static long ExpectedVersion(string etag, string what) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new ConcurrencyException($"The {what} was read with a version this store does not know (\"{etag}\").");

    private Task<Versioned<PlanDocument>?> ReadPlanAsync(string sql, (string Name, string Value)[] parameters, CancellationToken cancellationToken) =>
        connections.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken)
                ? new Versioned<PlanDocument>(
                    Deserialize(reader, 2, StateJsonContext.Default.PlanDocument, $"plan {reader.GetString(0)}"),
                    Tag(reader.GetInt64(1)))
                : null;
        }, cancellationToken);

    /// <summary>Reads a stored body; one that is not a document names its row, so it can be found and mended.</summary>
    /// <remarks>
    /// The body is parsed from the UTF-8 bytes SQLite holds, without making a string of it first:
    /// the same document, about a third cheaper to read than through UTF-16.
    /// </remarks>
    private static T Deserialize<T>(SqliteDataReader reader, int ordinal, JsonTypeInfo<T> type, string what)
    {
        try
        {
            return JsonSerializer.Deserialize(reader.GetFieldValue<byte[]>(ordinal), type) ?? throw new InvalidDataException($"The stored {what} is empty (null).");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The stored {what} is not a readable document: {e.Message}", e);
        }
    }

    private static string Tag(long version) => version.ToString(CultureInfo.InvariantCulture);

    private static string Key(string name) => name.Trim().ToLowerInvariant();
}
