using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
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
public sealed class SqliteConversationStore : IConversationStore, IAsyncDisposable
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteConstraint = 19;

    private readonly string connectionString;
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private readonly ConcurrentBag<SqliteConnection> readers = [];
    private SqliteConnection? writer;

    public SqliteConversationStore(SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = Path.GetFullPath(options.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = Math.Max(1, options.BusyTimeoutMilliseconds / 1000),
        }.ToString();
        DatabasePath = path;
    }

    public string DatabasePath { get; }

    /// <summary>Creates the schema; call once before use.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await Guard(async () =>
        {
            var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = Schema.Create;
            await command.ExecuteNonQueryAsync(cancellationToken);
            writer = connection;
        });
    }

    public Task<ConversationSnapshot> LoadAsync(ConversationRef conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT c.version, c.body, p.version, p.body
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
                Deserialize(reader.GetString(1), StateJsonContext.Default.ConversationDocument), Tag(reader.GetInt64(0)));
            var plan = reader.IsDBNull(2)
                ? null
                : new Versioned<PlanDocument>(Deserialize(reader.GetString(3), StateJsonContext.Default.PlanDocument), Tag(reader.GetInt64(2)));
            return new ConversationSnapshot(pointer, plan);
        }, cancellationToken);
    }

    public Task<Versioned<PlanDocument>?> FindPlanAsync(string tenantId, string product, string version, CancellationToken cancellationToken) =>
        ReadPlanAsync(
            "SELECT version, body FROM plans WHERE tenant_id = $tenant AND product_key = $product AND version_key = $version",
            [("$tenant", tenantId), ("$product", Key(product)), ("$version", Key(version))],
            cancellationToken);

    public Task<Versioned<PlanDocument>?> GetPlanAsync(string tenantId, string planId, CancellationToken cancellationToken) =>
        ReadPlanAsync(
            "SELECT version, body FROM plans WHERE tenant_id = $tenant AND id = $id",
            [("$tenant", tenantId), ("$id", planId)],
            cancellationToken);

    public Task<IReadOnlyList<Plan>> ListPlansAsync(string tenantId, string? product, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<Plan>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = product is null
                ? "SELECT body FROM plans WHERE tenant_id = $tenant ORDER BY created_at DESC"
                : "SELECT body FROM plans WHERE tenant_id = $tenant AND product_key = $product ORDER BY created_at DESC";
            command.Parameters.AddWithValue("$tenant", tenantId);
            if (product is not null)
            {
                command.Parameters.AddWithValue("$product", Key(product));
            }

            var plans = new List<Plan>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                plans.Add(Deserialize(reader.GetString(0), StateJsonContext.Default.PlanDocument).Plan);
            }

            return plans;
        }, cancellationToken);

    public async Task CommitAsync(TurnCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            await Guard(async () =>
            {
                var connection = writer ?? throw new InvalidOperationException("The store was not initialised.");
                await using var transaction = connection.BeginTransaction(deferred: false);
                try
                {
                    foreach (var plan in commit.Plans)
                    {
                        await WritePlanAsync(connection, transaction, plan, cancellationToken);
                    }

                    if (commit.Conversation is { } conversation)
                    {
                        await WriteConversationAsync(connection, transaction, conversation, cancellationToken);
                    }

                    await transaction.CommitAsync(cancellationToken);
                }
                catch
                {
                    await transaction.RollbackAsync(CancellationToken.None);
                    throw;
                }
            });
        }
        finally
        {
            writeGate.Release();
        }
    }

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ReadAsync(async connection =>
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

    public async ValueTask DisposeAsync()
    {
        if (writer is not null)
        {
            await writer.DisposeAsync();
        }

        while (readers.TryTake(out var reader))
        {
            await reader.DisposeAsync();
        }

        writeGate.Dispose();
    }

    private static async Task WritePlanAsync(SqliteConnection connection, SqliteTransaction transaction, Versioned<PlanDocument> stored, CancellationToken cancellationToken)
    {
        var plan = stored.Document.Plan;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = stored.ETag is null
            ? """
              INSERT INTO plans (id, tenant_id, product_key, version_key, state, created_at, version, body)
              VALUES ($id, $tenant, $product, $version, $state, $created, 1, $body)
              """
            : "UPDATE plans SET state = $state, version = version + 1, body = $body WHERE id = $id AND version = $expected";
        command.Parameters.AddWithValue("$id", plan.Id);
        command.Parameters.AddWithValue("$state", plan.State.ToString());
        command.Parameters.AddWithValue("$body", JsonSerializer.Serialize(stored.Document, StateJsonContext.Default.PlanDocument));
        if (stored.ETag is null)
        {
            command.Parameters.AddWithValue("$tenant", plan.TenantId);
            command.Parameters.AddWithValue("$product", Key(plan.Product));
            command.Parameters.AddWithValue("$version", Key(plan.Version));
            command.Parameters.AddWithValue("$created", plan.CreatedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        }
        else
        {
            command.Parameters.AddWithValue("$expected", long.Parse(stored.ETag, CultureInfo.InvariantCulture));
        }

        await ExecuteConditionalAsync(command, $"plan {plan.Id}", cancellationToken);
    }

    private static async Task WriteConversationAsync(SqliteConnection connection, SqliteTransaction transaction, Versioned<ConversationDocument> stored, CancellationToken cancellationToken)
    {
        var document = stored.Document;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = stored.ETag is null
            ? "INSERT INTO conversations (key, tenant_id, active_plan_id, version, body) VALUES ($key, $tenant, $plan, 1, $body)"
            : "UPDATE conversations SET active_plan_id = $plan, version = version + 1, body = $body WHERE key = $key AND version = $expected";
        command.Parameters.AddWithValue("$key", document.Key);
        command.Parameters.AddWithValue("$plan", (object?)document.ActivePlanId ?? DBNull.Value);
        command.Parameters.AddWithValue("$body", JsonSerializer.Serialize(document, StateJsonContext.Default.ConversationDocument));
        if (stored.ETag is null)
        {
            command.Parameters.AddWithValue("$tenant", document.TenantId);
        }
        else
        {
            command.Parameters.AddWithValue("$expected", long.Parse(stored.ETag, CultureInfo.InvariantCulture));
        }

        await ExecuteConditionalAsync(command, $"conversation {document.Key}", cancellationToken);
    }

    private static async Task ExecuteConditionalAsync(SqliteCommand command, string what, CancellationToken cancellationToken)
    {
        int rows;
        try
        {
            rows = await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteConstraint)
        {
            throw new ConcurrencyException($"The {what} was created by someone else meanwhile.", e);
        }

        if (rows != 1)
        {
            throw new ConcurrencyException($"The {what} changed since it was read.");
        }
    }

    private Task<Versioned<PlanDocument>?> ReadPlanAsync(string sql, (string Name, string Value)[] parameters, CancellationToken cancellationToken) =>
        ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken)
                ? new Versioned<PlanDocument>(Deserialize(reader.GetString(1), StateJsonContext.Default.PlanDocument), Tag(reader.GetInt64(0)))
                : null;
        }, cancellationToken);

    private async Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        var result = default(T)!;
        await Guard(async () =>
        {
            if (!readers.TryTake(out var connection))
            {
                connection = await OpenAsync(cancellationToken);
            }

            try
            {
                result = await read(connection);
                readers.Add(connection);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        });
        return result;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        // WAL with synchronous=NORMAL: a commit survives the process dying at any point; only an
        // operating-system crash or power cut can lose the last moments, never corrupt the file.
        pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>Turns "the database cannot be used right now" into the port's outage error.</summary>
    private static async Task Guard(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (SqliteException e) when (e.SqliteErrorCode != SqliteConstraint)
        {
            var why = e.SqliteErrorCode is SqliteBusy or SqliteLocked ? "The database is locked by another writer." : "The database cannot be used.";
            throw new StoreUnavailableException(why, e);
        }
        catch (IOException e)
        {
            throw new StoreUnavailableException("The database file cannot be reached.", e);
        }
    }

    private static T Deserialize<T>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(json, type) ?? throw new InvalidDataException("A stored document is empty.");

    private static string Tag(long version) => version.ToString(CultureInfo.InvariantCulture);

    private static string Key(string name) => name.Trim().ToLowerInvariant();
}
